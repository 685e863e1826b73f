package io.eksnet.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fact type that rules of their own ({@code --rules}) may match on: part of the rule API, listed
 * with its {@link FactField} members in {@code docs/facts.md} ({@code eksnet facts}). A type
 * without it, or a member without {@link FactField}, may change in any release.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicFact {
  /** What one fact of this type is, in one sentence. */
  String value();
}
