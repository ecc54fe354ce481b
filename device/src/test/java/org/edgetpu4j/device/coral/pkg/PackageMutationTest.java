package org.edgetpu4j.device.coral.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.edgetpu4j.device.coral.CoralFixtures;
import org.edgetpu4j.device.coral.driver.OutputRelayout;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.junit.jupiter.api.Test;

/**
 * Mutated packages give a {@link PackageFormatException} with a message, or decode to something the
 * driver can still check, never another exception, a hang or a huge allocation. Larger runs: {@code
 * -Dcoral.mutations=N}.
 */
class PackageMutationTest {
  private static final int MUTATIONS = Integer.getInteger("coral.mutations", 400);

  @Test
  void mutatedPackagesFailCleanly() throws Exception {
    Random rnd = new Random(9);
    for (String model : CoralFixtures.MODELS) {
      Model m = TfliteReader.read(CoralFixtures.resource("models/" + model));
      byte[] options = CompiledModel.edgeTpuOps(m).isEmpty() ? null : optionsOf(m);
      assertThat(options).isNotNull();
      for (int i = 0; i < MUTATIONS; i++) {
        byte[] b = options.clone();
        int kind = rnd.nextInt(3);
        if (kind == 0) {
          for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
            b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
          }
        } else if (kind == 1) {
          b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
        } else {
          int p = rnd.nextInt(b.length - 4);
          int v = rnd.nextBoolean() ? Integer.MAX_VALUE : rnd.nextInt();
          b[p] = (byte) v;
          b[p + 1] = (byte) (v >> 8);
          b[p + 2] = (byte) (v >> 16);
          b[p + 3] = (byte) (v >> 24);
        }
        decodeOrFailCleanly(b, model + " mutation " + i);
      }
    }
  }

  private static void decodeOrFailCleanly(byte[] b, String what) {
    try {
      EdgeTpuPackage p = PackageReader.fromCustomOptions(b);
      for (Executable e : p.executables()) {
        for (Layer l : e.outputs()) {
          OutputRelayout.apply(l, new byte[Math.max(0, Math.min(l.paddedBytes(), 1 << 20))]);
        }
      }
    } catch (PackageFormatException e) {
      assertThat(e.getMessage()).as(what).isNotBlank().doesNotContain("\n");
    }
  }

  private static byte[] optionsOf(Model m) {
    for (var g : m.subgraphs()) {
      for (var op : g.operators()) {
        if (CompiledModel.isEdgeTpuOp(m.operatorCodes().get(op.opcodeIndex()))) {
          return op.customOptions().toArray();
        }
      }
    }
    return null;
  }
}
