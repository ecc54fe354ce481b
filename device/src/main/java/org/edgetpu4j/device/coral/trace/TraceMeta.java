package org.edgetpu4j.device.coral.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.device.coral.driver.Firmware;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.pkg.Layer;

/** Builds the meta line of a recording. */
public final class TraceMeta {
  private TraceMeta() {}

  /**
   * The meta fields for a run of {@code model}.
   *
   * @param modelName file name of the model
   * @param modelBytes the model file
   * @param startMode {@code dfu}, {@code app} or {@code hardware}
   * @param firmware the firmware image, or null when none was needed
   * @param packages the model's packages
   */
  public static Map<String, Object> of(
      String modelName,
      byte[] modelBytes,
      String startMode,
      byte[] firmware,
      List<EdgeTpuPackage> packages) {
    List<Object> lens = new ArrayList<>();
    for (EdgeTpuPackage p : packages) {
      for (Layer l : p.main().inputs()) {
        lens.add(l.actualBytes());
      }
    }
    return Json.obj(
        "driver",
        "edgetpu4j (pure Java, usb4java seam)",
        "model",
        modelName,
        "model_sha256",
        Firmware.sha256(modelBytes),
        "start_mode",
        startMode,
        "firmware",
        firmware == null
            ? null
            : Json.obj("sha256", Firmware.sha256(firmware), "len", firmware.length),
        "input",
        Json.obj("lens", lens),
        "packages_in_model",
        packages.size(),
        "executables",
        PackageJson.executables(packages));
  }
}
