package org.edgetpu4j.validator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.edgetpu.EdgeTpuPackage;
import org.edgetpu4j.validator.rules.ParameterCache;

/** Parameter memory and Edge TPU package lines shared by the text and HTML reports. */
final class PackageSummary {
  private PackageSummary() {}

  /** Parameter bytes: the packages' for a compiled model, else the predicted layout. */
  static long parameterBytes(Report r) {
    if (r.compiled()) {
      return r.packages().stream()
          .mapToLong(p -> p.cachedParameterBytes() + p.streamedParameterBytes())
          .sum();
    }
    return r.edgetpu().parameterBytes();
  }

  /** The compiler log's memory lines and one line per package executable. */
  static List<String> lines(Report r) {
    List<String> out = new ArrayList<>();
    long bytes = parameterBytes(r);
    long cached;
    long streamed;
    if (r.compiled()) {
      cached = r.packages().stream().mapToLong(EdgeTpuPackage::cachedParameterBytes).sum();
      streamed = r.packages().stream().mapToLong(EdgeTpuPackage::streamedParameterBytes).sum();
    } else {
      cached = Math.min(bytes, ParameterCache.USABLE_BYTES);
      streamed = bytes - cached;
    }
    out.add("On-chip memory used for caching model parameters: " + TextReport.size(cached));
    out.add(
        "Off-chip memory used for streaming uncached model parameters: "
            + TextReport.size(streamed));
    for (EdgeTpuPackage p : r.packages()) {
      out.add(
          String.format(
              Locale.ROOT,
              "Edge TPU package %s: minimum Edge TPU runtime %d, %d executable(s),"
                  + " parameter cache %,d bytes, streamed %,d bytes",
              p.identifier(),
              p.minRuntimeVersion(),
              p.executables().size(),
              p.cachedParameterBytes(),
              p.streamedParameterBytes()));
      for (EdgeTpuPackage.Executable e : p.executables()) {
        out.add(
            String.format(
                Locale.ROOT,
                "  executable %s for %s: %,d parameter bytes",
                e.type(),
                e.chip().isEmpty() ? "?" : e.chip(),
                e.parameterBytes()));
      }
    }
    return out;
  }
}
