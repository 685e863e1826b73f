package io.eksnet.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A member of a {@link PublicFact} type that rules may use: a getter (read in DRL as a property,
 * {@code getType()} as {@code type}, {@code isIpv6()} as {@code ipv6}) or a method a condition or
 * consequence calls.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FactField {
  /** What the member gives, in one sentence. */
  String value();
}
