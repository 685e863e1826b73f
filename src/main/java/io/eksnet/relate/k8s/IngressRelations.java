package io.eksnet.relate.k8s;

import io.eksnet.model.Container;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.Location;
import io.eksnet.model.Namespace;
import io.eksnet.model.Service;
import io.eksnet.model.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ingress relations: ALB classification, backend → Service/port, the workloads an ALB serves,
 * health checks and readiness gates.
 */
final class IngressRelations {

  private IngressRelations() {}

  record NsName(String namespace, String name) {}

  static List<BackendRef> ingressBackends(
      List<Ingress> ingresses,
      List<IngressClass> classes,
      List<IngressClassParams> params,
      List<Service> services,
      Map<String, Namespace> namespaces,
      List<Object> out) {
    List<BackendRef> refs = new ArrayList<>();
    Map<String, IngressClass> byName = new HashMap<>();
    IngressClass defaultClass = null;
    for (IngressClass c : classes) {
      byName.put(c.getName(), c);
      if (c.isDefaultClass()) {
        defaultClass = c;
      }
    }
    // by API group and name: each controller reads the params of its own group
    Map<String, IngressClassParams> paramsByName = new HashMap<>();
    for (IngressClassParams p : params) {
      paramsByName.putIfAbsent(p.apiGroup() + "/" + p.getName(), p);
    }
    Map<IngressClassParams, AppliedClassParams> applied =
        classParams(ingresses, classes, paramsByName, byName, defaultClass, out);
    // several files may define the same Service (overlays, test fixtures): keep them all
    Map<NsName, List<Service>> serviceByName = new HashMap<>();
    Map<String, List<Service>> floatingByName = new HashMap<>();
    for (Service s : services) {
      serviceByName
          .computeIfAbsent(new NsName(s.getNamespace(), s.getName()), k -> new ArrayList<>())
          .add(s);
      if (!s.isNamespaceWritten()) {
        floatingByName.computeIfAbsent(s.getName(), k -> new ArrayList<>()).add(s);
      }
    }
    Set<IngressClassParams> targetTypeReported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Ingress i : ingresses) {
      AlbIngress alb = null;
      if (isAlb(i, byName, defaultClass)) {
        IngressClass pc = paramsClass(i, byName, defaultClass);
        IngressClassParams p = pc == null ? null : resolve(pc, paramsByName);
        AppliedClassParams ap = p == null ? null : applied.get(p);
        boolean unresolved = pc != null && pc.isAlb() && pc.hasParameters() && p == null;
        boolean autoMode = isAutoMode(i, byName, defaultClass);
        String tt = i.albAnnotation("target-type");
        // the default target type: instance for the controller, ip for EKS Auto Mode
        String targetType =
            tt == null ? (autoMode ? "ip" : "instance") : tt.trim().toLowerCase(Locale.ROOT);
        boolean reports = true;
        if (p != null && p.getTargetType() != null) {
          targetType = p.getTargetType().trim().toLowerCase(Locale.ROOT);
          // one finding per params about its target type: on the first Ingress with backends
          reports = !i.getBackends().isEmpty() && targetTypeReported.add(p);
        } else if (unresolved) {
          targetType = null; // the parameters the scan lacks may set spec.targetType
        }
        alb = new AlbIngress(i, targetType, tt != null, ap, unresolved, reports, autoMode);
        out.add(alb);
        namespaceSelector(alb, pc, namespaces, out);
      }
      for (Ingress.Backend b : i.getBackends()) {
        List<Service> candidates = serviceByName.get(new NsName(i.getNamespace(), b.serviceName()));
        if (candidates == null) {
          // a Service written without a namespace is deployed wherever it is applied (kustomize)
          candidates = floatingByName.getOrDefault(b.serviceName(), List.of());
        }
        Service svc = null;
        Service.Port port = null;
        // copies of one Service (several examples in one folder): one with the port wins, else
        // the copy in the Ingress's own file, so a message lists the ports the reader sees there
        for (Service c : candidates) {
          Service.Port p = c.findPort(b.portNumber(), b.portName());
          boolean better =
              svc == null
                  || (port == null && p != null)
                  || (port == null
                      && c.getFile().equals(i.getFile())
                      && !svc.getFile().equals(i.getFile()));
          if (better) {
            svc = c;
            port = p;
          }
        }
        String targetType = null;
        if (alb != null) {
          String onService =
              svc == null ? null : svc.annotation(Ingress.ALB_PREFIX + "target-type");
          // the params' targetType overrides the annotation on the Service too
          targetType =
              onService != null && alb.getTargetTypeParams() == null && alb.getTargetType() != null
                  ? onService.trim().toLowerCase(Locale.ROOT)
                  : alb.getTargetType();
        }
        BackendRef ref = new BackendRef(i, b, alb, targetType, svc, port);
        refs.add(ref);
        out.add(ref);
      }
    }
    return refs;
  }

  /**
   * ALB when the class names an IngressClass of the AWS controller, or — with no such object in the
   * scan — when the class (field or legacy annotation) is {@code alb}, the controller's default
   * class name; an Ingress with no class uses the default IngressClass of the scan. The legacy
   * annotation wins over the field, as in the controller (and in ingress-nginx).
   */
  static boolean isAlb(Ingress i, Map<String, IngressClass> classes, IngressClass defaultClass) {
    String name = i.getClassAnnotation() != null ? i.getClassAnnotation() : i.getIngressClassName();
    if (name == null) {
      return defaultClass != null && defaultClass.isAlb();
    }
    IngressClass c = classes.get(name);
    return c != null ? c.isAlb() : "alb".equals(name);
  }

  /**
   * True when the Ingress's class is an IngressClass of EKS Auto Mode ({@code
   * eks.amazonaws.com/alb}).
   */
  static boolean isAutoMode(
      Ingress i, Map<String, IngressClass> classes, IngressClass defaultClass) {
    String name = i.getClassAnnotation() != null ? i.getClassAnnotation() : i.getIngressClassName();
    IngressClass c = name == null ? defaultClass : classes.get(name);
    return c != null && c.isAutoMode();
  }

  /**
   * The IngressClass whose parameters the controller applies to the Ingress: the one {@code
   * spec.ingressClassName} names, or for an Ingress without class the default class (the API server
   * fills the field in). None with the legacy {@code kubernetes.io/ingress.class} annotation: the
   * controller then reads no IngressClass, even when the field is set too.
   */
  static IngressClass paramsClass(
      Ingress i, Map<String, IngressClass> classes, IngressClass defaultClass) {
    if (i.getClassAnnotation() != null) {
      return null;
    }
    return i.getIngressClassName() != null ? classes.get(i.getIngressClassName()) : defaultClass;
  }

  /** The IngressClassParams an IngressClass of the AWS controller references, or null. */
  private static IngressClassParams resolve(
      IngressClass c, Map<String, IngressClassParams> params) {
    if (!c.isAlb() || !c.referencesIngressClassParams() || c.getParametersName() == null) {
      return null;
    }
    return params.get(c.paramsApiGroup() + "/" + c.getParametersName());
  }

  /**
   * The params in use, by the ALB IngressClasses that reference them and the ALB Ingresses of those
   * classes; and each ALB class's reference ({@link ClassParamsReference}).
   */
  private static Map<IngressClassParams, AppliedClassParams> classParams(
      List<Ingress> ingresses,
      List<IngressClass> classes,
      Map<String, IngressClassParams> params,
      Map<String, IngressClass> byName,
      IngressClass defaultClass,
      List<Object> out) {
    Map<IngressClassParams, List<IngressClass>> classesOf = new LinkedHashMap<>();
    Map<IngressClassParams, List<Ingress>> ingressesOf = new IdentityHashMap<>();
    Map<IngressClass, List<Ingress>> byClass = new IdentityHashMap<>();
    for (Ingress i : ingresses) {
      IngressClass c = paramsClass(i, byName, defaultClass);
      if (c != null && isAlb(i, byName, defaultClass)) {
        byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
      }
    }
    Set<String> paramNames = new TreeSet<>();
    for (IngressClassParams p : params.values()) {
      paramNames.add(p.getName());
    }
    List<String> names = new ArrayList<>(paramNames);
    Set<IngressClass> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (IngressClass c : classes) {
      if (!c.isAlb() || !c.hasParameters() || !seen.add(c)) {
        continue;
      }
      List<Ingress> users = byClass.getOrDefault(c, List.of());
      IngressClassParams p = resolve(c, params);
      if (p != null) {
        classesOf.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
        ingressesOf.computeIfAbsent(p, k -> new ArrayList<>()).addAll(users);
      }
      out.add(new ClassParamsReference(c, p != null, users, names));
    }
    Map<IngressClassParams, AppliedClassParams> applied = new IdentityHashMap<>();
    for (Map.Entry<IngressClassParams, List<IngressClass>> e : classesOf.entrySet()) {
      AppliedClassParams a =
          new AppliedClassParams(
              e.getKey(), e.getValue(), ingressesOf.getOrDefault(e.getKey(), List.of()));
      applied.put(e.getKey(), a);
      out.add(a);
    }
    return applied;
  }

  /** An ALB Ingress with params and its Namespace, when that is in the scan and named. */
  private static void namespaceSelector(
      AlbIngress a, IngressClass c, Map<String, Namespace> namespaces, List<Object> out) {
    IngressClassParams p = a.getParams();
    Ingress i = a.getIngress();
    if (p == null || !i.isNamespaceWritten()) {
      return;
    }
    Namespace ns = namespaces.get(i.getNamespace());
    if (ns != null) {
      out.add(new AlbIngressNamespace(a, c, ns));
    }
  }

  static void albTargets(
      List<BackendRef> refs,
      Map<Service, ServiceBackends> backends,
      List<Service> services,
      ScanInventory inventory,
      List<Object> out) {
    Map<Workload, AlbServed> served = new LinkedHashMap<>();
    Map<String, Workload> ipTargetNamespaces = new TreeMap<>();
    for (BackendRef r : refs) {
      if (r.getAlb() == null || r.getService() == null) {
        continue;
      }
      ServiceBackends b = backends.get(r.getService());
      boolean ip = "ip".equals(r.getTargetType());
      for (Workload w : b.getWorkloads()) {
        AlbServed prev = served.get(w);
        if (prev == null || (ip && !prev.isIpTargets())) {
          served.put(
              w,
              // an ip path takes over the message: it names the Ingress the ip wording is about
              new AlbServed(
                  w,
                  prev != null && !ip ? prev.getIngress() : r.getIngress(),
                  prev != null && !ip ? prev.getService() : r.getService(),
                  ip || (prev != null && prev.isIpTargets())));
        }
        if (ip && !r.getAlb().isAutoMode()) {
          // the readiness gate label is the AWS Load Balancer Controller's webhook's
          ipTargetNamespaces.putIfAbsent(w.getNamespace(), w);
        }
      }
      healthCheck(r, b, out);
    }
    out.addAll(served.values());
    for (Service s : services) {
      if ("ip".equals(s.getLoadBalancerTargetType()) && s.isLbcNlb()) {
        for (Workload w : backends.get(s).getWorkloads()) {
          ipTargetNamespaces.putIfAbsent(w.getNamespace(), w);
        }
      }
    }
    for (Map.Entry<String, Workload> e : ipTargetNamespaces.entrySet()) {
      Namespace ns = inventory.namespace(e.getKey());
      if (ns != null) {
        out.add(new IpTargetNamespace(ns, e.getValue()));
      }
    }
  }

  static void healthCheck(BackendRef r, ServiceBackends b, List<Object> out) {
    String key = Ingress.ALB_PREFIX + "healthcheck-path";
    String path = r.getService().annotation(key);
    Location loc;
    if (path != null) {
      loc = r.getService().annotationLocation(key);
    } else {
      path = r.getIngress().annotation(key);
      loc = r.getIngress().annotationLocation(key);
    }
    if (path == null || b.getWorkloads().isEmpty()) {
      return;
    }
    String target = null;
    if (r.getPort() != null) {
      target =
          r.getPort().targetPort() != null
              ? r.getPort().targetPort()
              : Integer.toString(r.getPort().port());
    }
    Set<String> paths = new LinkedHashSet<>();
    for (Workload w : b.getWorkloads()) {
      for (Container c : w.getContainers()) {
        boolean serves = target == null || c.exposes(target) || w.getContainers().size() == 1;
        if (serves
            && c.readinessProbe() != null
            && "httpGet".equals(c.readinessProbe().handler())
            && c.readinessProbe().path() != null) {
          paths.add(c.readinessProbe().path());
        }
      }
    }
    if (!paths.isEmpty()) {
      out.add(new AlbHealthCheck(r, path.trim(), loc, new ArrayList<>(paths)));
    }
  }
}
