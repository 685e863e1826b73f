package io.eksnet.relate.join;

import io.eksnet.model.ConfigMap;
import io.eksnet.model.Container;
import io.eksnet.model.Database;
import io.eksnet.model.DbCluster;
import io.eksnet.model.DbClusterInstance;
import io.eksnet.model.DbSubnetGroup;
import io.eksnet.model.Location;
import io.eksnet.model.Service;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import io.eksnet.relate.terraform.CniConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pods against RDS: where the manifests name an RDS endpoint (a container's env, a ConfigMap value,
 * an ExternalName Service: {@link DatabaseClient}), whether the database's security groups admit
 * the pods that connect, as {@link NetworkIdentities} describes them, on the database port ({@link
 * DatabaseAccess}: EKS-SG-002), and whether the groups the pods' traffic leaves with let it out to
 * the database ({@link SecurityGroupEgress}: EKS-SG-003). A database is an {@code aws_db_instance}
 * (named by its instance endpoint) or an {@code aws_rds_cluster} (named by its cluster or reader
 * endpoint, or by the instance endpoint of one of its {@code aws_rds_cluster_instance}s, which all
 * count as the cluster). Access and egress leave out databases in another VPC than the cluster's.
 */
final class DatabaseRelations {

  /**
   * {@code <instance>.<hash>.<region>.rds.amazonaws.com}, {@code
   * <cluster>.cluster-<hash>.<region>...} and the reader endpoint {@code
   * <cluster>.cluster-ro-<hash>...}. Custom cluster endpoints ({@code cluster-custom-}) and RDS
   * Proxy endpoints ({@code proxy-}) name no database by its identifier and do not match.
   */
  private static final Pattern RDS_HOST =
      Pattern.compile(
          "(?<![a-z0-9-])([a-z][a-z0-9-]{0,62})\\.(cluster-(?:ro-)?)?[a-z0-9]+\\.[a-z0-9-]+\\.rds\\.amazonaws\\.com");

  /**
   * An RDS endpoint host: the identifier of a cluster (cluster and reader endpoints) or of an
   * instance (instance endpoints, also those of Aurora cluster instances).
   */
  record RdsHost(boolean cluster, String identifier) {
    /** The key uses are collected under. */
    String key() {
      return (cluster ? "cluster:" : "instance:") + identifier;
    }
  }

  private DatabaseRelations() {}

  /**
   * The places that name each database of the scan, in file and line order, each place once (a
   * value may name the writer and the reader endpoint); databases no manifest names are absent.
   */
  static Map<Database, List<DatabaseClient>> clients(JoinIndex j) {
    Map<Database, List<DatabaseClient>> out = new LinkedHashMap<>();
    if (j.databases.isEmpty()) {
      return out;
    }
    Map<String, List<DatabaseClient>> uses = new HashMap<>();
    for (Workload w : j.workloads) {
      for (Container c : w.getContainers()) {
        for (Map.Entry<String, String> e : c.env().entrySet()) {
          for (RdsHost h : rdsHosts(e.getValue())) {
            uses.computeIfAbsent(h.key(), k -> new ArrayList<>())
                .add(
                    new DatabaseClient(
                        null, w, w, "env " + e.getKey(), e.getKey(), w.envAt(e.getKey()), 0));
          }
        }
      }
    }
    for (ConfigMap cm : j.configMaps) {
      for (Map.Entry<String, String> e : new TreeMap<>(cm.getData()).entrySet()) {
        for (RdsHost h : rdsHosts(e.getValue())) {
          uses.computeIfAbsent(h.key(), k -> new ArrayList<>())
              .add(
                  new DatabaseClient(
                      null, cm, null, e.getKey(), null, cm.at("data", e.getKey()), 0));
        }
      }
    }
    for (Service s : j.services) {
      String ext = Tree.text(Tree.path(s.getRoot(), "spec", "externalName"));
      if ("ExternalName".equals(s.getType()) && ext != null) {
        for (RdsHost h : rdsHosts(ext)) {
          uses.computeIfAbsent(h.key(), k -> new ArrayList<>())
              .add(
                  new DatabaseClient(
                      null, s, null, "externalName", null, s.at("spec", "externalName"), 0));
        }
      }
    }
    if (uses.isEmpty()) {
      return out;
    }
    Map<String, List<DbClusterInstance>> instancesByCluster = new HashMap<>();
    for (DbClusterInstance i : j.clusterInstances) {
      String c = i.getCluster().single();
      if (c != null) {
        instancesByCluster
            .computeIfAbsent(TerraformResource.key(i.getFile(), c), k -> new ArrayList<>())
            .add(i);
      }
    }
    for (Database db : j.databases) {
      List<DatabaseClient> u =
          usesOf(db, uses, instancesByCluster.getOrDefault(db.getKey(), List.of()));
      if (u != null) {
        List<DatabaseClient> numbered = new ArrayList<>();
        for (DatabaseClient c : u) {
          numbered.add(
              new DatabaseClient(
                  db,
                  c.getObject(),
                  c.getWorkload(),
                  c.getVia(),
                  c.getEnvVar(),
                  c.location(),
                  numbered.size()));
        }
        out.put(db, numbered);
      }
    }
    return out;
  }

  static void compute(
      JoinIndex j,
      NetworkIdentities ids,
      Map<Database, List<DatabaseClient>> clients,
      List<Object> out) {
    if (j.databases.isEmpty() || j.nodeGroups.isEmpty()) {
      return;
    }
    for (Database db : j.databases) {
      List<DatabaseClient> u = clients.get(db);
      Integer port = db.getPort() != null ? db.getPort() : defaultPort(db.getEngine());
      TfRefs groups = db.getSecurityGroups();
      if (port == null
          || groups.isEmpty()
          || groups.unresolved()
          || JoinIndex.differentVpc(dbVpc(j, db), j.vpcKey())) {
        continue;
      }
      List<String> targets = j.sgs.keys(db.resource(), groups);
      if (u == null) {
        DatabaseAccess a = unnamed(j, ids, db, targets, port);
        if (a != null) {
          out.add(a);
        }
        continue;
      }
      SgIndex.Source peer = new SgIndex.Source(Set.copyOf(targets), true, dbRanges(j, db));
      Map<String, List<DatabaseClient>> bySources = new LinkedHashMap<>();
      Map<String, List<NetworkIdentities.Identity>> podsBySources = new HashMap<>();
      Map<String, SgIndex.Verdict> verdicts = new HashMap<>();
      Map<String, Sending> bySending = new LinkedHashMap<>();
      for (DatabaseClient use : u) {
        // a ConfigMap or ExternalName Service in a namespace with policies: which pods connect is
        // unknown
        List<NetworkIdentities.Identity> pods =
            ids.pods(use.getWorkload(), use.getObject().getNamespace());
        SecurityGroupEgress.Egress egress = egress(j, pods, peer, port);
        if (egress == SecurityGroupEgress.Egress.BLOCKED) {
          // by the group that should get the egress rule: each identity's first in the scan
          for (NetworkIdentities.Identity i : pods) {
            String fix = firstInScan(j, i);
            Sending b = bySending.computeIfAbsent("group:" + fix, k -> new Sending(egress, fix));
            b.uses.putIfAbsent(use.location(), use);
            b.identities.add(i);
          }
        } else {
          Sending b = bySending.computeIfAbsent(egress.name(), k -> new Sending(egress, null));
          b.uses.putIfAbsent(use.location(), use);
          if (pods != null) {
            b.identities.addAll(pods);
          }
        }
        if (pods == null || pods.isEmpty()) {
          continue;
        }
        SgIndex.Verdict v = ids.admitsAll(targets, pods, port, port);
        List<String> d = new ArrayList<>();
        pods.forEach(i -> d.add(i.description()));
        String key = v + "\n" + String.join("; ", d);
        bySources.computeIfAbsent(key, k -> new ArrayList<>()).add(use);
        podsBySources.putIfAbsent(key, pods);
        verdicts.put(key, v);
      }
      List<String> dbGroups = new ArrayList<>();
      targets.forEach(t -> dbGroups.add(j.sgs.describe(t)));
      TerraformResource first = j.sgs.group(targets.get(0));
      for (Map.Entry<String, List<DatabaseClient>> e : bySources.entrySet()) {
        List<NetworkIdentities.Identity> pods = podsBySources.get(e.getKey());
        boolean onNodes = pods.get(0).nodes();
        out.add(
            new DatabaseAccess(
                db,
                first,
                String.join(", ", dbGroups),
                port,
                clients(e.getValue()),
                e.getValue().get(0).location(),
                e.getKey().substring(e.getKey().indexOf('\n') + 1),
                admission(verdicts.get(e.getKey())),
                onNodes,
                pods.get(0).description().startsWith("ENIConfig"),
                !onNodes && ids.admitsAll(targets, ids.nodes(), port, port) == SgIndex.Verdict.YES,
                "",
                null));
      }
      String allow = null;
      for (Sending s : bySending.values()) {
        boolean blocked = s.egress == SecurityGroupEgress.Egress.BLOCKED;
        Set<String> sending = new LinkedHashSet<>();
        List<String> sources = new ArrayList<>();
        for (NetworkIdentities.Identity i : s.identities) {
          sources.add(i.description());
          sending.addAll(i.groups());
        }
        if (blocked && allow == null) {
          allow =
              NetworkIdentities.describeDestination(
                  j, new LinkedHashSet<>(targets), peer.cidrs(), "the database's", "its");
        }
        out.add(
            new SecurityGroupEgress(
                null,
                db,
                0,
                s.egress,
                clients(new ArrayList<>(s.uses.values())),
                String.join("; ", sources),
                db.getAddress(),
                "TCP " + port,
                blocked ? j.sgs.describeEgress(sending) : null,
                blocked ? j.sgs.group(s.group) : null,
                blocked ? allow : null,
                db.getLocation()));
      }
    }
  }

  private static DatabaseAccess.Admits admission(SgIndex.Verdict v) {
    return switch (v) {
      case YES -> DatabaseAccess.Admits.ALL;
      case NO -> DatabaseAccess.Admits.NONE;
      case UNKNOWN -> DatabaseAccess.Admits.UNKNOWN;
    };
  }

  /**
   * A database no manifest names, while custom networking is on: whether its groups admit the
   * ENIConfig pods' sources on its port, and which node subnets' CIDRs they admit. Null where the
   * pods' sources cannot be told (SecurityGroupPolicies in the scan, an ENIConfig subnet outside
   * it, an IPv6 cluster).
   */
  private static DatabaseAccess unnamed(
      JoinIndex j, NetworkIdentities ids, Database db, List<String> targets, int port) {
    CniConfig cni = j.cni();
    if (cni == null
        || !cni.isKnown()
        || !cni.isCustomNetworking()
        || !j.policies.isEmpty()
        || (j.cluster() != null && j.cluster().isIpv6())) {
      return null;
    }
    List<NetworkIdentities.Identity> pods = ids.eniConfigPods();
    if (pods.isEmpty() || pods.stream().anyMatch(i -> i.cidrs().isEmpty())) {
      return null;
    }
    SgIndex.Verdict v = ids.admitsAll(targets, pods, port, port);
    Set<String> admitted = new LinkedHashSet<>();
    if (v == SgIndex.Verdict.NO) { // the node ranges are read only for the message
      for (NetworkIdentities.Identity n : ids.nodes()) {
        SgIndex.Source ranges = new SgIndex.Source(Set.of(), true, n.cidrs());
        if (!n.cidrs().isEmpty()
            && j.sgs.admitsAny(targets, ranges, port, port) == SgIndex.Verdict.YES) {
          n.cidrs().forEach(c -> admitted.add(c.toString()));
        }
      }
    }
    List<String> dbGroups = new ArrayList<>();
    targets.forEach(t -> dbGroups.add(j.sgs.describe(t)));
    List<String> d = new ArrayList<>();
    pods.forEach(i -> d.add(i.description()));
    return new DatabaseAccess(
        db,
        j.sgs.group(targets.get(0)),
        String.join(", ", dbGroups),
        port,
        null,
        cni.settingLocation("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"),
        String.join("; ", d),
        admission(v),
        false,
        true,
        false,
        String.join(", ", admitted),
        cni.describeSetting("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"));
  }

  /** Uses whose traffic leaves the same way, and the identities it leaves with. */
  private static final class Sending {
    final SecurityGroupEgress.Egress egress;
    final String group;
    final Map<Location, DatabaseClient> uses = new LinkedHashMap<>();
    final Set<NetworkIdentities.Identity> identities = new LinkedHashSet<>();

    Sending(SecurityGroupEgress.Egress egress, String group) {
      this.egress = egress;
      this.group = group;
    }
  }

  /**
   * Whether the groups the pods' traffic may leave with let it out to the database: blocked when
   * the groups of every identity are known and let none of it out. IPv6 clusters are not told (pod
   * addresses are not the subnets' IPv4 ranges).
   */
  private static SecurityGroupEgress.Egress egress(
      JoinIndex j, List<NetworkIdentities.Identity> pods, SgIndex.Source peer, int port) {
    if (pods == null || pods.isEmpty() || (j.cluster() != null && j.cluster().isIpv6())) {
      return SecurityGroupEgress.Egress.UNKNOWN;
    }
    SecurityGroupEgress.Egress out = SecurityGroupEgress.Egress.BLOCKED;
    for (NetworkIdentities.Identity i : pods) {
      SgIndex.Verdict v = j.sgs.allowsOutAny(i.groups(), peer, port, port);
      if (v == SgIndex.Verdict.YES) {
        return SecurityGroupEgress.Egress.ALLOWED;
      }
      if (!i.complete() || v == SgIndex.Verdict.UNKNOWN) {
        out = SecurityGroupEgress.Egress.UNKNOWN;
      }
    }
    return out;
  }

  /** The identity's first group in the scan (a blocked identity's groups all are). */
  private static String firstInScan(JoinIndex j, NetworkIdentities.Identity i) {
    for (String g : i.groups()) {
      if (j.sgs.group(g) != null) {
        return g;
      }
    }
    throw new IllegalStateException("a blocked identity without a group in the scan: " + i);
  }

  /** {@code Deployment shop/orders (env DB_HOST), ConfigMap shop/c (URL) and 2 more}. */
  private static String clients(List<DatabaseClient> uses) {
    List<String> clients = new ArrayList<>();
    for (DatabaseClient use : uses) {
      if (clients.size() == 3) {
        clients.add("and " + (uses.size() - 3) + " more");
        break;
      }
      clients.add(use.describe());
    }
    return String.join(", ", clients);
  }

  /** The ranges of the database's subnets when all are known, else empty. */
  private static List<Cidr> dbRanges(JoinIndex j, Database db) {
    String a = db.getSubnetGroup().single();
    if (a == null
        || !(j.byKey.get(TerraformResource.key(db.getFile(), a)) instanceof DbSubnetGroup g)
        || g.getSubnets().unresolved()) {
      return List.of();
    }
    List<Subnet> subnets = new ArrayList<>();
    for (String s : g.getSubnets().addresses()) {
      if (j.byKey.get(TerraformResource.key(g.getFile(), s)) instanceof Subnet sub) {
        subnets.add(sub);
      }
    }
    for (String id : g.getSubnets().external()) {
      Subnet sub = j.subnetById.get(id);
      if (sub != null) {
        subnets.add(sub);
      }
    }
    List<Cidr> out = new ArrayList<>();
    for (Subnet sub : subnets) {
      if (sub.getCidr() == null) {
        return List.of();
      }
      out.add(sub.getCidr());
    }
    int named = g.getSubnets().addresses().size() + g.getSubnets().external().size();
    return subnets.size() == named ? out : List.of();
  }

  /**
   * Where the manifests name a database: its own endpoints and, for a cluster, those of its
   * instances, each place once (a value may name the writer and the reader endpoint), in file and
   * line order (env values come unordered); null when nowhere.
   */
  private static List<DatabaseClient> usesOf(
      Database db, Map<String, List<DatabaseClient>> uses, List<DbClusterInstance> instances) {
    List<String> keys = new ArrayList<>();
    if (db.getIdentifier() != null) {
      keys.add(
          new RdsHost(db instanceof DbCluster, db.getIdentifier().toLowerCase(Locale.ROOT)).key());
    }
    for (DbClusterInstance i : instances) {
      if (i.getIdentifier() != null) {
        keys.add(new RdsHost(false, i.getIdentifier().toLowerCase(Locale.ROOT)).key());
      }
    }
    Map<Location, DatabaseClient> out = new LinkedHashMap<>();
    for (String k : keys) {
      for (DatabaseClient use : uses.getOrDefault(k, List.of())) {
        out.putIfAbsent(use.location(), use);
      }
    }
    if (out.isEmpty()) {
      return null;
    }
    List<DatabaseClient> sorted = new ArrayList<>(out.values());
    sorted.sort(
        Comparator.comparing((DatabaseClient x) -> x.location().file())
            .thenComparingInt(x -> x.location().line())
            .thenComparingInt(x -> x.location().column()));
    return sorted;
  }

  /**
   * The RDS endpoint hosts in a value ({@code mydb.abc123.eu-west-1.rds...}, {@code
   * orders.cluster-ro-abc123.eu-west-1.rds...}), each once.
   */
  static List<RdsHost> rdsHosts(String value) {
    if (value == null || !value.contains(".rds.amazonaws.com")) {
      return List.of();
    }
    List<RdsHost> out = new ArrayList<>();
    Matcher m = RDS_HOST.matcher(value.toLowerCase(Locale.ROOT));
    while (m.find()) {
      RdsHost h = new RdsHost(m.group(2) != null, m.group(1));
      if (!out.contains(h)) {
        out.add(h);
      }
    }
    return out;
  }

  /** The engine's default port; null for engines without a known one. */
  static Integer defaultPort(String engine) {
    if (engine == null) {
      return null;
    }
    String e = engine.toLowerCase(Locale.ROOT);
    if (e.startsWith("postgres") || e.equals("aurora-postgresql")) {
      return 5432;
    }
    if (e.equals("mysql")
        || e.equals("mariadb")
        || e.equals("aurora")
        || e.equals("aurora-mysql")) {
      return 3306;
    }
    if (e.startsWith("oracle")) {
      return 1521;
    }
    if (e.startsWith("sqlserver")) {
      return 1433;
    }
    if (e.startsWith("db2")) {
      return 50000;
    }
    return null;
  }

  /** The VPC of a database's subnet group, or null. */
  private static String dbVpc(JoinIndex j, Database db) {
    String a = db.getSubnetGroup().single();
    if (a == null
        || !(j.byKey.get(TerraformResource.key(db.getFile(), a)) instanceof DbSubnetGroup g)) {
      return null;
    }
    for (String s : g.getSubnets().addresses()) {
      if (j.byKey.get(TerraformResource.key(g.getFile(), s)) instanceof Subnet sub) {
        return j.vpcKeyOf(sub, sub.getVpc());
      }
    }
    return null;
  }
}
