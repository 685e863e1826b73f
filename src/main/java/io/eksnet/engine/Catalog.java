package io.eksnet.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules known to a scan, sorted by id: built-in first-class, user rules alike. */
public final class Catalog {

  private final Map<String, RuleInfo> byId;

  public Catalog(List<RuleInfo> rules) {
    List<RuleInfo> sorted = new ArrayList<>(rules);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    Map<String, RuleInfo> m = new LinkedHashMap<>();
    for (RuleInfo r : sorted) {
      m.put(r.id(), r);
    }
    this.byId = Collections.unmodifiableMap(m);
  }

  public List<RuleInfo> rules() {
    return List.copyOf(byId.values());
  }

  public RuleInfo get(String id) {
    return byId.get(id);
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }
}
