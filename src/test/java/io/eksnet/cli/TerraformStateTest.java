package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A raw Terraform state ({@code terraform state pull}, format version 4) is read like {@code
 * terraform show -json} output of it; files named on the command line that eksnet cannot read are
 * reported, never passed over as a clean scan.
 */
class TerraformStateTest {

  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  /** The NAT gateway of the fixture in a private subnet: EKS-VPC-005. */
  private static final Path STATE =
      Path.of("fixtures/EKS-VPC-005/positive-nat-in-private-subnet-state/terraform.tfstate");

  private int scan(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "scan";
    all[1] = "--root";
    all[2] = dir.toString();
    all[3] = "--enable=EKS-VPC-005";
    System.arraycopy(args, 0, all, 4, args.length);
    return cli.run(all);
  }

  private Path copy(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.copy(STATE, p);
    return p;
  }

  @Test
  void aStateNamedOnTheCommandLineIsScannedWithFindingsOnItsLines() throws IOException {
    Path state = copy("terraform.tfstate");
    assertEquals(1, scan(state.toString()), cli.err());
    assertTrue(
        cli.out()
            .contains(
                "terraform.tfstate:109:9: HIGH EKS-VPC-005 module.vpc.aws_nat_gateway.this[0] is a"
                    + " public NAT gateway in module.vpc.aws_subnet.private[0] (10.0.1.0/24,"
                    + " eu-west-1a)"),
        cli.out());
    assertTrue(cli.out().contains("1 finding (1 high) in 1 file"), cli.out());
  }

  @Test
  void aDirectoryScanReadsStatesButNotTheirBackups() throws IOException {
    copy("infra/terraform.tfstate.backup");
    assertEquals(0, scan(dir.toString()), cli.out() + cli.err());
    assertTrue(cli.out().contains("in 0 files"), cli.out());
    copy("infra/terraform.tfstate");
    assertEquals(1, scan(dir.toString()), cli.err());
    assertTrue(cli.out().contains("infra/terraform.tfstate:109:9: HIGH EKS-VPC-005"), cli.out());
    assertFalse(cli.out().contains(".backup"), cli.out());
    // named, the backup is read: the user asked for it
    assertEquals(1, scan(dir.resolve("infra/terraform.tfstate.backup").toString()), cli.err());
    assertTrue(cli.out().contains("infra/terraform.tfstate.backup:109:9: HIGH"), cli.out());
  }

  @Test
  void aDeposedInstanceIsNotRead() throws IOException {
    String text = Files.readString(STATE);
    // the misplaced NAT gateway is the old one, being replaced: no longer what the state holds
    String deposed =
        text.replace(
            "\"index_key\": 0,\n          \"schema_version\": 0,\n          \"attributes\": {\n            \"id\": \"nat-0a1\"",
            "\"index_key\": 0,\n          \"deposed\": \"8c1e4f2a\",\n          \"schema_version\": 0,\n          \"attributes\": {\n            \"id\": \"nat-0a1\"");
    assertFalse(deposed.equals(text), "the fixture's NAT gateway instance was not found");
    Path p = dir.resolve("terraform.tfstate");
    Files.writeString(p, deposed);
    assertEquals(0, scan(p.toString()), cli.out() + cli.err());
    assertTrue(cli.out().contains("No findings in 1 file"), cli.out());
  }

  @Test
  void anOlderStateFormatIsSkippedWithANoteOnItsVersionLine() throws IOException {
    Path p = dir.resolve("old.tfstate");
    Files.writeString(
        p,
        "{\n  \"version\": 3,\n  \"terraform_version\": \"0.11.14\",\n  \"serial\": 4,\n"
            + "  \"lineage\": \"x\",\n  \"modules\": []\n}\n");
    // an old state kept in a repository is not the user's error: exit 0, with a note
    assertEquals(0, scan(p.toString()), cli.err());
    assertTrue(
        cli.err()
            .contains(
                "note: old.tfstate:2: Terraform state format version 3 is not read (eksnet reads"
                    + " version 4"),
        cli.err());
  }

  /** A version too large for an int was named "format version -1". */
  @Test
  void anUnreadableStateVersionIsNamedAsWritten() throws IOException {
    Path p = dir.resolve("odd.tfstate");
    Files.writeString(
        p,
        "{\"version\": 99999999999999999999, \"serial\": 1, \"lineage\": \"x\","
            + " \"resources\": []}\n");
    assertEquals(0, scan(p.toString()), cli.err());
    assertTrue(
        cli.err().contains("Terraform state format version 99999999999999999999 is not read"),
        cli.err());
  }

  @Test
  void anEmptyStateIsReadWithoutANote() throws IOException {
    Path p = dir.resolve("terraform.tfstate");
    Files.writeString(
        p,
        "{\"version\": 4, \"terraform_version\": \"1.9.5\", \"serial\": 1, \"lineage\": \"x\","
            + " \"outputs\": {}, \"resources\": [], \"check_results\": null}\n");
    assertEquals(0, scan(p.toString()), cli.err());
    assertTrue(cli.out().contains("No findings in 1 file"), cli.out());
    assertFalse(cli.err().contains("note:"), cli.err());
  }

  @Test
  void aNamedJsonFileThatIsNeitherManifestNorTerraformIsReportedButNotInADirectoryScan()
      throws IOException {
    Path p = dir.resolve("describe-subnets.json");
    Files.writeString(p, "{\"Subnets\": [{\"SubnetId\": \"subnet-0a\"}]}\n");
    assertEquals(0, scan(p.toString()), cli.err());
    assertTrue(
        cli.err()
            .contains(
                "note: describe-subnets.json: named on the command line but neither a Kubernetes"
                    + " object (apiVersion and kind) nor Terraform JSON"),
        cli.err());
    assertEquals(0, scan(dir.toString()), cli.err());
    assertFalse(cli.err().contains("describe-subnets.json"), cli.err());
  }

  @Test
  void aNamedBinaryPlanOrOtherFileIsReported() throws IOException {
    Path plan = dir.resolve("plan.tfplan");
    Files.write(plan, new byte[] {'P', 'K', 3, 4, 0, 0});
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "hello\n");
    Path vars = dir.resolve("prod.tfvars");
    Files.writeString(vars, "region = \"eu-west-1\"\n");
    assertEquals(0, scan(plan.toString(), notes.toString(), vars.toString()), cli.err());
    assertTrue(
        cli.err()
            .contains(
                "note: plan.tfplan: a binary Terraform plan is not read; scan `terraform show -json"
                    + " plan.tfplan` output instead"),
        cli.err());
    assertTrue(cli.err().contains("note: notes.txt: not read"), cli.err());
    // pre-commit's terraform type passes variable files: nothing to say about them
    assertFalse(cli.err().contains("prod.tfvars"), cli.err());
  }
}
