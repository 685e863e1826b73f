package io.eksnet.relate.join;

import io.eksnet.model.Database;
import io.eksnet.model.FactField;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.PublicFact;
import io.eksnet.model.Workload;

/**
 * A place where the manifests name an endpoint of a scanned RDS database: an env value of a
 * workload's container, a ConfigMap value, or an ExternalName Service's {@code externalName}. A
 * database is an {@code aws_db_instance} (named by its instance endpoint) or an {@code
 * aws_rds_cluster} (named by its cluster or reader endpoint, or by the instance endpoint of one of
 * its {@code aws_rds_cluster_instance}s). {@code order} numbers the places that name one database
 * from 0, in file and line order.
 */
@PublicFact(
    "A workload (env value), ConfigMap or ExternalName Service names an endpoint of a scanned RDS"
        + " database: the database-client relation (one fact per database and place).")
public final class DatabaseClient {

  private final Database database;
  private final K8sObject object;
  private final Workload workload;
  private final String via;
  private final String envVar;
  private final Location location;
  private final int order;

  DatabaseClient(
      Database database,
      K8sObject object,
      Workload workload,
      String via,
      String envVar,
      Location location,
      int order) {
    this.database = database;
    this.object = object;
    this.workload = workload;
    this.via = via;
    this.envVar = envVar;
    this.location = location;
    this.order = order;
  }

  @FactField("The database (aws_db_instance or aws_rds_cluster) whose endpoint is named.")
  public Database getDatabase() {
    return database;
  }

  @FactField("The object that names it: a workload, a ConfigMap or an ExternalName Service.")
  public K8sObject getObject() {
    return object;
  }

  @FactField("The workload whose container env names it; null for a ConfigMap or a Service.")
  public Workload getWorkload() {
    return workload;
  }

  @FactField(
      "Where in the object: env NAME (a container's env), the ConfigMap key, or externalName.")
  public String getVia() {
    return via;
  }

  @FactField("The env variable's name when a container's env names it, else null.")
  public String getEnvVar() {
    return envVar;
  }

  @FactField("The position among the places that name the same database, from 0 (file, line).")
  public int getOrder() {
    return order;
  }

  @FactField("The object and where, e.g. Deployment shop/orders (env DB_HOST).")
  public String describe() {
    return object.getDisplayName() + " (" + via + ")";
  }

  @FactField("The line that names the endpoint.")
  public Location location() {
    return location;
  }
}
