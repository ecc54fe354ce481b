package org.edgetpu4j.device.coral.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.edgetpu4j.device.coral.CoralFixtures;
import org.edgetpu4j.device.coral.trace.Json;
import org.edgetpu4j.device.coral.trace.PackageJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The package reader against the independent parse in each libedgetpu trace's meta line. */
class PackageReaderTest {
  static final List<String> TRACES = CoralFixtures.TRACES;
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @FieldSource("TRACES")
  void equalsTheTraceMetaParse(String trace) throws Exception {
    JsonNode meta = CoralFixtures.meta(trace);
    List<EdgeTpuPackage> pkgs = CoralFixtures.packages(meta.get("model").asText());
    assertThat(pkgs).hasSize(meta.get("packages_in_model").asInt());
    assertThat(pkgs.get(0).byteLength()).isEqualTo(meta.get("package_len").asInt());
    JsonNode ours = JSON.readTree(Json.write(PackageJson.executables(pkgs)));
    JsonNode theirs = meta.get("executables");
    assertThat(ours.size()).isEqualTo(theirs.size());
    for (int i = 0; i < theirs.size(); i++) {
      assertThat(ours.get(i)).as("executable %d of %s", i, trace).isEqualTo(theirs.get(i));
    }
  }

  @Test
  void executionOnlyPairsWithItsCachingExecutable() throws Exception {
    for (String model : CoralFixtures.MODELS) {
      EdgeTpuPackage p = CoralFixtures.packages(model).get(0);
      assertThat(p.main().type()).isEqualTo(Executable.Type.EXECUTION_ONLY);
      assertThat(p.parameterCaching())
          .get()
          .extracting(Executable::token)
          .isEqualTo(p.main().token());
    }
  }

  @Test
  void rejectsWhatIsNotAPackage() {
    assertThatThrownBy(() -> PackageReader.fromCustomOptions(new byte[0]))
        .isInstanceOf(PackageFormatException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> PackageReader.read(new byte[] {1, 2, 3, 4, 'X', 'Y', 'Z', 'W', 0, 0}))
        .hasMessageContaining("expected 'DWN1'");
    assertThatThrownBy(() -> PackageReader.fromCustomOptions(new byte[] {5, 5, 5}))
        .isInstanceOf(PackageFormatException.class);
  }
}
