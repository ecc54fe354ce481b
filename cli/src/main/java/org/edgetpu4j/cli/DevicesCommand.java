package org.edgetpu4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.edgetpu4j.device.coral.EdgeTpu;
import org.edgetpu4j.device.coral.EdgeTpuDevice;
import org.edgetpu4j.device.coral.EdgeTpuException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code edgetpu4j devices}: lists attached Coral USB Accelerators. */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = {
      "List attached Coral USB Accelerators: mode (dfu before the firmware is loaded, app after),",
      "USB path and link speed. Prints 'no Edge TPU found' and exits 0 when there is none."
    })
final class DevicesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    List<EdgeTpuDevice> found;
    try {
      found = EdgeTpu.list();
    } catch (EdgeTpuException e) {
      out.println("no Edge TPU found (" + e.getMessage() + ")");
      out.flush();
      return 0;
    }
    if (found.isEmpty()) {
      out.println("no Edge TPU found");
    }
    for (EdgeTpuDevice d : found) {
      out.println(d);
    }
    out.flush();
    return 0;
  }
}
