package io.eksnet.source;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.ConfigMap;
import io.eksnet.model.Container;
import io.eksnet.model.EniConfig;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.LabelSelector;
import io.eksnet.model.Namespace;
import io.eksnet.model.NetworkPluginObject;
import io.eksnet.model.NetworkPolicy;
import io.eksnet.model.SecurityGroupPolicy;
import io.eksnet.model.Service;
import io.eksnet.model.Tree;
import io.eksnet.model.Tree.TMap;
import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one parsed Kubernetes object into facts. Unknown kinds give no fact; a List gives the facts
 * of its items. Values of the wrong shape are treated as absent, never as a crash.
 */
final class K8sFactory {

  static final String DEFAULT_NS = "default";

  private K8sFactory() {}

  /** True when the document has both apiVersion and kind as strings. */
  static boolean isK8sObject(Tree doc) {
    return doc instanceof TMap m
        && Tree.text(m.get("apiVersion")) != null
        && Tree.text(m.get("kind")) != null;
  }

  static void facts(String file, TMap doc, List<Object> out) {
    String kind = Tree.text(doc.get("kind"));
    if (kind == null) {
      return;
    }
    if (kind.endsWith("List") && doc.get("items") != null) {
      for (Tree item : Tree.asList(doc.get("items"))) {
        if (item instanceof TMap im && isK8sObject(im)) {
          facts(file, im, out);
        }
      }
      return;
    }
    switch (kind) {
      case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController" ->
          out.add(workload(file, doc, List.of("spec", "template"), replicas(doc, kind)));
      case "Job" -> out.add(workload(file, doc, List.of("spec", "template"), 1));
      case "CronJob" ->
          out.add(workload(file, doc, List.of("spec", "jobTemplate", "spec", "template"), 1));
      case "Pod" -> out.add(workload(file, doc, List.of(), 1));
      case "Rollout" -> rollout(file, doc, out);
      case "Service" -> out.add(service(file, doc));
      case "Ingress" -> out.add(ingress(file, doc));
      case "IngressClass" ->
          out.add(new IngressClass(file, doc, Tree.text(Tree.path(doc, "spec", "controller"))));
      case "IngressClassParams" -> {
        String api = Tree.text(doc.get("apiVersion"));
        if (api != null
            && (api.startsWith(IngressClassParams.API_GROUP + "/")
                || api.startsWith(IngressClassParams.AUTO_MODE_API_GROUP + "/"))) {
          out.add(ingressClassParams(file, doc));
        }
      }
      case "NetworkPolicy" -> out.add(networkPolicy(file, doc));
      case "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy" -> out.add(cilium(file, doc));
      case "ConfigMap" ->
          out.add(new ConfigMap(file, doc, DEFAULT_NS, Tree.stringMap(doc.get("data"))));
      case "ENIConfig" -> out.add(eniConfig(file, doc));
      case "NodePool" -> {
        String api = Tree.text(doc.get("apiVersion"));
        if (api != null && api.startsWith(io.eksnet.model.KarpenterNodePool.API_GROUP + "/")) {
          out.add(new io.eksnet.model.KarpenterNodePool(file, doc));
        } else {
          PodSources.facts(file, doc, kind, out);
        }
      }
      case "NodeClass" -> {
        String api = Tree.text(doc.get("apiVersion"));
        if (api != null && api.startsWith(io.eksnet.model.AutoModeNodeClass.API_GROUP + "/")) {
          out.add(new io.eksnet.model.AutoModeNodeClass(file, doc));
        } else {
          other(file, doc, kind, out);
        }
      }
      case "EC2NodeClass" -> {
        String api = Tree.text(doc.get("apiVersion"));
        if (api != null && api.startsWith(io.eksnet.model.Ec2NodeClass.API_GROUP + "/")) {
          out.add(new io.eksnet.model.Ec2NodeClass(file, doc));
        }
      }
      case "Namespace" -> out.add(new Namespace(file, doc));
      case "SecurityGroupPolicy" -> {
        String api = Tree.text(doc.get("apiVersion"));
        if (api != null && api.startsWith("vpcresources.k8s.aws/")) {
          out.add(securityGroupPolicy(file, doc));
        }
      }
      default -> other(file, doc, kind, out);
    }
  }

  /**
   * A kind eksnet has no model of: plugin evidence, chart installs, pods made by its controller.
   */
  private static void other(String file, TMap doc, String kind, List<Object> out) {
    networkPlugin(file, doc, kind, out);
    io.eksnet.model.ChartInstall chart = io.eksnet.model.ChartInstall.of(file, doc, kind);
    if (chart != null) {
      out.add(chart);
    }
    PodSources.facts(file, doc, kind, out); // pods made by a controller of a CR
  }

  /**
   * An object of a CNI or network policy plugin's API group, or the CRD of one: evidence that the
   * plugin runs in the cluster.
   */
  private static void networkPlugin(String file, TMap doc, String kind, List<Object> out) {
    String api = Tree.text(doc.get("apiVersion"));
    if (api == null) {
      return;
    }
    String group =
        "CustomResourceDefinition".equals(kind) && api.startsWith("apiextensions.k8s.io/")
            ? Tree.text(Tree.path(doc, "spec", "group"))
            : api.contains("/") ? api.substring(0, api.indexOf('/')) : null;
    String plugin = NetworkPluginObject.pluginOfGroup(group);
    if (plugin != null) {
      out.add(new NetworkPluginObject(file, doc, plugin));
    }
  }

  /**
   * An Argo Rollout runs pods like a Deployment: a workload with its own {@code spec.template}. One
   * that borrows the template of a Deployment ({@code spec.workloadRef}) makes pods with that
   * Deployment's labels, which the scan may not hold: a pod source whose labels are unknown.
   */
  private static void rollout(String file, TMap doc, List<Object> out) {
    String api = Tree.text(doc.get("apiVersion"));
    if (api == null || !api.startsWith("argoproj.io/")) {
      PodSources.facts(file, doc, "Rollout", out);
    } else if (Tree.path(doc, "spec", "template") instanceof TMap) {
      out.add(workload(file, doc, List.of("spec", "template"), replicas(doc, "Rollout")));
    } else if (Tree.path(doc, "spec", "workloadRef") != null) {
      out.add(
          new io.eksnet.model.PodSource(
              file,
              doc,
              DEFAULT_NS,
              "Argo Rollouts (spec.workloadRef)",
              Map.of(),
              java.util.Set.of(),
              true));
    }
  }

  private static int replicas(TMap doc, String kind) {
    if ("DaemonSet".equals(kind)) {
      return -1;
    }
    Integer r = integer(Tree.path(doc, "spec", "replicas"));
    return r == null ? 1 : r;
  }

  static Integer integer(Tree t) {
    if (t instanceof Tree.TScalar s && s.value() != null && s.type() == Tree.ScalarType.INT) {
      try {
        return Integer.decode(s.value().replace("_", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Workload workload(String file, TMap doc, List<String> templatePath, int replicas) {
    Tree template = Tree.path(doc, templatePath.toArray(String[]::new));
    List<String> specPath = new ArrayList<>(templatePath);
    specPath.add("spec");
    Tree spec = Tree.path(doc, specPath.toArray(String[]::new));
    Map<String, String> podLabels =
        templatePath.isEmpty()
            ? Tree.stringMap(Tree.path(doc, "metadata", "labels"))
            : Tree.stringMap(Tree.path(template, "metadata", "labels"));
    List<Container> containers = new ArrayList<>();
    int i = 0;
    for (Tree c : Tree.asList(Tree.path(spec, "containers"))) {
      containers.add(container(i++, c));
    }
    Map<String, String> dnsOptions = new LinkedHashMap<>();
    for (Tree o : Tree.asList(Tree.path(spec, "dnsConfig", "options"))) {
      String name = Tree.text(Tree.path(o, "name"));
      if (name != null) {
        String v = Tree.text(Tree.path(o, "value"));
        dnsOptions.put(name, v == null ? "" : v);
      }
    }
    return new Workload(
        file,
        doc,
        DEFAULT_NS,
        specPath,
        podLabels,
        replicas,
        containers,
        "true".equals(Tree.text(Tree.path(spec, "hostNetwork"))),
        Tree.text(Tree.path(spec, "dnsPolicy")),
        dnsOptions);
  }

  private static Container container(int index, Tree c) {
    List<Container.Port> ports = new ArrayList<>();
    for (Tree p : Tree.asList(Tree.path(c, "ports"))) {
      Integer n = integer(Tree.path(p, "containerPort"));
      if (n != null) {
        String proto = Tree.text(Tree.path(p, "protocol"));
        ports.add(
            new Container.Port(Tree.text(Tree.path(p, "name")), n, proto == null ? "TCP" : proto));
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (Tree e : Tree.asList(Tree.path(c, "env"))) {
      String name = Tree.text(Tree.path(e, "name"));
      String value = Tree.text(Tree.path(e, "value"));
      if (name != null && value != null) {
        env.put(name, value);
      }
    }
    return new Container(
        index,
        Tree.text(Tree.path(c, "name")),
        Tree.text(Tree.path(c, "image")),
        ports,
        probe(Tree.path(c, "readinessProbe")),
        probe(Tree.path(c, "livenessProbe")),
        probe(Tree.path(c, "startupProbe")),
        env,
        commandLine(c));
  }

  private static List<String> commandLine(Tree c) {
    List<String> out = new ArrayList<>();
    for (String key : List.of("command", "args")) {
      for (Tree t : Tree.asList(Tree.path(c, key))) {
        String s = Tree.text(t);
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static Container.Probe probe(Tree p) {
    if (!(p instanceof TMap m)) {
      return null;
    }
    for (String h : List.of("httpGet", "tcpSocket", "grpc", "exec")) {
      if (m.get(h) != null) {
        return new Container.Probe(
            h, Tree.text(Tree.path(m, h, "path")), Tree.text(Tree.path(m, h, "port")));
      }
    }
    return new Container.Probe("unknown", null, null);
  }

  private static Service service(String file, TMap doc) {
    Tree spec = doc.get("spec");
    String type = Tree.text(Tree.path(spec, "type"));
    List<Service.Port> ports = new ArrayList<>();
    int i = 0;
    for (Tree p : Tree.asList(Tree.path(spec, "ports"))) {
      Integer port = integer(Tree.path(p, "port"));
      String proto = Tree.text(Tree.path(p, "protocol"));
      ports.add(
          new Service.Port(
              i++,
              Tree.text(Tree.path(p, "name")),
              port == null ? 0 : port,
              Tree.text(Tree.path(p, "targetPort")),
              integer(Tree.path(p, "nodePort")),
              proto == null ? "TCP" : proto));
    }
    Tree sel = Tree.path(spec, "selector");
    return new Service(
        file,
        doc,
        DEFAULT_NS,
        type == null || type.isEmpty() ? "ClusterIP" : type,
        ports,
        sel instanceof TMap ? Tree.stringMap(sel) : null,
        Tree.text(Tree.path(spec, "externalTrafficPolicy")),
        Tree.text(Tree.path(spec, "loadBalancerClass")));
  }

  private static Ingress ingress(String file, TMap doc) {
    List<Ingress.Backend> backends = new ArrayList<>();
    Tree spec = doc.get("spec");
    // networking.k8s.io/v1 has neither spec.backend nor serviceName/servicePort: an object written
    // with them is rejected by the API server, so its backends are not the ones it names.
    boolean beta = !"networking.k8s.io/v1".equals(Tree.text(doc.get("apiVersion")));
    Tree def = Tree.path(spec, "defaultBackend");
    if (def == null) {
      def = beta ? Tree.path(spec, "backend") : null; // extensions/v1beta1
      if (def != null) {
        addBackend(def, null, List.of("spec", "backend"), beta, backends);
      }
    } else {
      addBackend(def, null, List.of("spec", "defaultBackend"), beta, backends);
    }
    List<Tree> rules = Tree.asList(Tree.path(spec, "rules"));
    for (int r = 0; r < rules.size(); r++) {
      List<Tree> paths = Tree.asList(Tree.path(rules.get(r), "http", "paths"));
      for (int p = 0; p < paths.size(); p++) {
        Tree b = Tree.path(paths.get(p), "backend");
        String httpPath = Tree.text(Tree.path(paths.get(p), "path"));
        addBackend(
            b,
            httpPath,
            List.of(
                "spec",
                "rules",
                Integer.toString(r),
                "http",
                "paths",
                Integer.toString(p),
                "backend"),
            beta,
            backends);
      }
    }
    return new Ingress(
        file, doc, DEFAULT_NS, Tree.text(Tree.path(spec, "ingressClassName")), backends);
  }

  private static void addBackend(
      Tree b, String httpPath, List<String> path, boolean beta, List<Ingress.Backend> out) {
    if (!(b instanceof TMap m)) {
      return;
    }
    Tree svc = m.get("service");
    if (svc instanceof TMap s) { // networking.k8s.io/v1
      String name = Tree.text(s.get("name"));
      if (name == null) {
        return;
      }
      List<String> p = new ArrayList<>(path);
      p.add("service");
      out.add(
          new Ingress.Backend(
              name,
              integer(Tree.path(s, "port", "number")),
              Tree.text(Tree.path(s, "port", "name")),
              httpPath,
              p));
      return;
    }
    String name = beta ? Tree.text(m.get("serviceName")) : null; // v1beta1
    if (name != null) {
      Tree port = m.get("servicePort");
      Integer num = integer(port);
      List<String> p = new ArrayList<>(path);
      p.add("serviceName");
      out.add(new Ingress.Backend(name, num, num == null ? Tree.text(port) : null, httpPath, p));
    }
  }

  static LabelSelector selector(Tree t) {
    if (!(t instanceof TMap m)) {
      return t == null ? LabelSelector.NONE : LabelSelector.of(Map.of());
    }
    Tree ml = m.get("matchLabels");
    Map<String, String> labels = Tree.stringMap(ml);
    List<LabelSelector.Requirement> reqs = new ArrayList<>();
    for (Tree e : Tree.asList(m.get("matchExpressions"))) {
      String key = Tree.text(Tree.path(e, "key"));
      String op = Tree.text(Tree.path(e, "operator"));
      if (key != null && op != null) {
        List<String> values = new ArrayList<>();
        for (Tree v : Tree.asList(Tree.path(e, "values"))) {
          if (Tree.text(v) != null) {
            values.add(Tree.text(v));
          }
        }
        reqs.add(new LabelSelector.Requirement(key, op, values));
      }
    }
    return new LabelSelector(labels, reqs);
  }

  private static NetworkPolicy networkPolicy(String file, TMap doc) {
    Tree spec = doc.get("spec");
    List<NetworkPolicy.Rule> ingress = npRules(spec, "ingress", "from");
    List<NetworkPolicy.Rule> egress = npRules(spec, "egress", "to");
    List<String> types = new ArrayList<>();
    for (Tree t : Tree.asList(Tree.path(spec, "policyTypes"))) {
      if (Tree.text(t) != null) {
        types.add(Tree.text(t));
      }
    }
    if (Tree.path(spec, "policyTypes") == null) {
      types.add("Ingress");
      if (Tree.path(spec, "egress") != null) {
        types.add("Egress");
      }
    }
    Tree ps = Tree.path(spec, "podSelector");
    // an absent podSelector decodes to the empty selector: every pod of the namespace
    LabelSelector podSelector = ps == null ? LabelSelector.of(Map.of()) : selector(ps);
    return new NetworkPolicy(file, doc, DEFAULT_NS, podSelector, types, ingress, egress);
  }

  private static List<NetworkPolicy.Rule> npRules(Tree spec, String dir, String peersKey) {
    List<NetworkPolicy.Rule> out = new ArrayList<>();
    List<Tree> rules = Tree.asList(Tree.path(spec, dir));
    for (int i = 0; i < rules.size(); i++) {
      Tree r = rules.get(i);
      List<NetworkPolicy.Peer> peers = new ArrayList<>();
      for (Tree p : Tree.asList(Tree.path(r, peersKey))) {
        Tree ip = Tree.path(p, "ipBlock");
        List<String> except = new ArrayList<>();
        for (Tree e : Tree.asList(Tree.path(ip, "except"))) {
          if (Tree.text(e) != null) {
            except.add(Tree.text(e));
          }
        }
        Tree ps = Tree.path(p, "podSelector");
        Tree ns = Tree.path(p, "namespaceSelector");
        peers.add(
            new NetworkPolicy.Peer(
                ps == null ? null : selector(ps),
                ns == null ? null : selector(ns),
                Tree.text(Tree.path(ip, "cidr")),
                except));
      }
      List<String> ports = new ArrayList<>();
      for (Tree p : Tree.asList(Tree.path(r, "ports"))) {
        String port = Tree.text(Tree.path(p, "port"));
        ports.add(port == null ? "*" : port);
      }
      Tree peersNode = Tree.path(r, peersKey);
      boolean every =
          r instanceof TMap
              && (peersNode == null || (peersNode instanceof Tree.TList l && l.items().isEmpty()));
      out.add(
          new NetworkPolicy.Rule(List.of("spec", dir, Integer.toString(i)), peers, ports, every));
    }
    return out;
  }

  private static CiliumPolicy cilium(String file, TMap doc) {
    List<CiliumPolicy.EgressRule> egress = new ArrayList<>();
    List<LabelSelector> selectors = new ArrayList<>();
    if (doc.get("spec") instanceof TMap) {
      selectors.add(ciliumSelector(doc.get("spec")));
      ciliumEgress(doc.get("spec"), List.of("spec"), egress);
    }
    List<Tree> specs = Tree.asList(doc.get("specs"));
    for (int i = 0; i < specs.size(); i++) {
      selectors.add(ciliumSelector(specs.get(i)));
      ciliumEgress(specs.get(i), List.of("specs", Integer.toString(i)), egress);
    }
    return new CiliumPolicy(file, doc, DEFAULT_NS, selectors, egress);
  }

  private static LabelSelector ciliumSelector(Tree spec) {
    return Tree.path(spec, "endpointSelector") != null
        ? selector(Tree.path(spec, "endpointSelector"))
        : selector(Tree.path(spec, "nodeSelector"));
  }

  private static void ciliumEgress(
      Tree spec, List<String> base, List<CiliumPolicy.EgressRule> out) {
    List<Tree> rules = Tree.asList(Tree.path(spec, "egress"));
    for (int i = 0; i < rules.size(); i++) {
      Tree r = rules.get(i);
      List<String> path = new ArrayList<>(base);
      path.add("egress");
      path.add(Integer.toString(i));
      List<CiliumPolicy.Fqdn> fqdns = new ArrayList<>();
      List<Tree> fq = Tree.asList(Tree.path(r, "toFQDNs"));
      for (int f = 0; f < fq.size(); f++) {
        List<String> fp = new ArrayList<>(path);
        fp.add("toFQDNs");
        fp.add(Integer.toString(f));
        fqdns.add(
            new CiliumPolicy.Fqdn(
                Tree.text(Tree.path(fq.get(f), "matchName")),
                Tree.text(Tree.path(fq.get(f), "matchPattern")),
                fp));
      }
      boolean dns = false;
      List<String> ports = new ArrayList<>();
      for (Tree tp : Tree.asList(Tree.path(r, "toPorts"))) {
        Tree rulesNode = Tree.path(tp, "rules", "dns");
        if (rulesNode instanceof Tree.TList) {
          dns = true;
        }
        for (Tree p : Tree.asList(Tree.path(tp, "ports"))) {
          String port = Tree.text(Tree.path(p, "port"));
          if (port != null) {
            ports.add(port);
          }
        }
      }
      List<Map<String, String>> endpoints = new ArrayList<>();
      for (Tree e : Tree.asList(Tree.path(r, "toEndpoints"))) {
        endpoints.add(Tree.stringMap(Tree.path(e, "matchLabels")));
      }
      List<String> cidrs = new ArrayList<>();
      List<String> except = new ArrayList<>();
      for (Tree t : Tree.asList(Tree.path(r, "toCIDR"))) {
        if (Tree.text(t) != null) {
          cidrs.add(Tree.text(t));
        }
      }
      for (Tree t : Tree.asList(Tree.path(r, "toCIDRSet"))) {
        String cidr = Tree.text(Tree.path(t, "cidr"));
        if (cidr != null) {
          cidrs.add(cidr);
        }
        for (Tree x : Tree.asList(Tree.path(t, "except"))) {
          if (Tree.text(x) != null) {
            except.add(Tree.text(x));
          }
        }
      }
      List<String> entities = new ArrayList<>();
      for (Tree t : Tree.asList(Tree.path(r, "toEntities"))) {
        if (Tree.text(t) != null) {
          entities.add(Tree.text(t));
        }
      }
      LabelSelector sel = ciliumSelector(spec);
      out.add(
          new CiliumPolicy.EgressRule(
              sel, path, fqdns, dns, endpoints, ports, cidrs, except, entities));
    }
  }

  private static EniConfig eniConfig(String file, TMap doc) {
    List<String> sgs = new ArrayList<>();
    for (Tree t : Tree.asList(Tree.path(doc, "spec", "securityGroups"))) {
      if (Tree.text(t) != null) {
        sgs.add(Tree.text(t));
      }
    }
    return new EniConfig(file, doc, Tree.text(Tree.path(doc, "spec", "subnet")), sgs);
  }

  private static IngressClassParams ingressClassParams(String file, TMap doc) {
    Tree spec = doc.get("spec");
    Tree subnets = Tree.path(spec, "subnets");
    List<String> ids = null;
    if (Tree.path(subnets, "ids") instanceof Tree.TList l) {
      ids = new ArrayList<>();
      for (Tree t : l.items()) {
        if (Tree.text(t) != null) {
          ids.add(Tree.text(t).trim());
        }
      }
    }
    Map<String, List<String>> tags = null;
    if (Tree.path(subnets, "tags") instanceof TMap m) {
      tags = new LinkedHashMap<>();
      for (Tree.Entry e : m.entries().values()) {
        List<String> values = new ArrayList<>();
        for (Tree v : Tree.asList(e.value())) {
          if (Tree.text(v) != null) {
            values.add(Tree.text(v));
          }
        }
        tags.put(e.key(), values);
      }
    }
    // written but null or empty selects every namespace, as the controller reads it
    TMap specMap = Tree.asMap(spec);
    Tree.Entry ns = specMap == null ? null : specMap.entry("namespaceSelector");
    return new IngressClassParams(
        file,
        doc,
        Tree.text(Tree.path(spec, "scheme")),
        Tree.text(Tree.path(spec, "targetType")),
        Tree.text(Tree.path(spec, "group", "name")),
        ids,
        tags,
        ns == null
            ? null
            : ns.value() instanceof TMap ? selector(ns.value()) : LabelSelector.of(Map.of()));
  }

  private static SecurityGroupPolicy securityGroupPolicy(String file, TMap doc) {
    List<String> groups = new ArrayList<>();
    for (Tree t : Tree.asList(Tree.path(doc, "spec", "securityGroups", "groupIds"))) {
      if (Tree.text(t) != null) {
        groups.add(Tree.text(t));
      }
    }
    Tree ps = Tree.path(doc, "spec", "podSelector");
    return new SecurityGroupPolicy(
        file,
        doc,
        DEFAULT_NS,
        ps == null ? LabelSelector.NONE : selector(ps),
        Tree.path(doc, "spec", "serviceAccountSelector") != null,
        groups);
  }
}
