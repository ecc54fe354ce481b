package org.edgetpu4j.device.coral;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.device.coral.driver.CoralSession;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.pkg.Executable;
import org.edgetpu4j.device.coral.pkg.Layer;
import org.edgetpu4j.device.coral.pkg.PackageFormatException;
import org.edgetpu4j.device.coral.pkg.PackageReader;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * The CPU interpreter's kernel for {@code edgetpu-custom-op}: prepare decodes and checks the
 * package against the operator's tensors; the step hands the tensors to the Edge TPU.
 */
final class EdgeTpuKernel implements Kernel {
  private final EdgeTpu tpu;
  private int firstOp = Integer.MAX_VALUE;

  EdgeTpuKernel(EdgeTpu tpu) {
    this.tpu = tpu;
  }

  @Override
  public Step prepare(Node node) {
    EdgeTpuPackage pkg;
    try {
      pkg = PackageReader.fromCustomOptions(node.customOptions());
      pkg.main();
    } catch (PackageFormatException e) {
      throw node.fail(e.getMessage());
    }
    Executable main = pkg.main();
    node.require(
        node.inputCount() == main.inputs().size(),
        "operator has " + node.inputCount() + " inputs, its package " + main.inputs().size());
    node.require(
        node.outputCount() == main.outputs().size(),
        "operator has " + node.outputCount() + " outputs, its package " + main.outputs().size());
    for (int i = 0; i < node.inputCount(); i++) {
      Layer l = main.inputs().get(i);
      int bytes = node.in(i).byteSize();
      node.require(
          bytes == l.actualBytes() || bytes == l.paddedBytes(),
          "input " + i + " has " + bytes + " bytes, its layer " + l.name() + " " + l.actualBytes());
    }
    for (int i = 0; i < node.outputCount(); i++) {
      Layer l = main.outputs().get(i);
      int bytes = node.out(i).byteSize();
      node.require(
          bytes == l.actualBytes(),
          "output "
              + i
              + " has "
              + bytes
              + " bytes, its layer "
              + l.name()
              + " "
              + l.actualBytes());
    }
    tpu.expect(pkg);
    int index = node.index;
    firstOp = Math.min(firstOp, index);
    Slot[] ins = new Slot[node.inputCount()];
    Slot[] outs = new Slot[node.outputCount()];
    for (int i = 0; i < ins.length; i++) {
      ins[i] = node.in(i);
    }
    for (int i = 0; i < outs.length; i++) {
      outs[i] = node.out(i);
    }
    return m -> {
      List<byte[]> inputs = new ArrayList<>();
      for (Slot s : ins) {
        byte[] b = new byte[s.byteSize()];
        System.arraycopy(m.data[s.index], m.offset[s.index], b, 0, b.length);
        inputs.add(b);
      }
      try {
        CoralSession session = tpu.session();
        if (index == firstOp) {
          session.beginInference();
        }
        List<byte[]> out = session.run(pkg, inputs);
        for (int i = 0; i < outs.length; i++) {
          byte[] o = out.get(i);
          System.arraycopy(o, 0, m.data[outs[i].index], m.offset[outs[i].index], o.length);
        }
      } catch (EdgeTpuException e) {
        throw new EdgeTpuUncheckedException(e);
      }
    };
  }
}
