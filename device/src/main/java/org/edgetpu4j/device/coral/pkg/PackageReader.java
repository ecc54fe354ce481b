package org.edgetpu4j.device.coral.pkg;

import com.google.flatbuffers.ArrayReadWriteBuf;
import com.google.flatbuffers.FlexBuffers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code edgetpu-custom-op} custom options (a FlexBuffers map) and the DWN1 package in
 * them. Slots follow the DWN1 schema: a table's field <i>i</i> is vtable entry <i>i</i> and a union
 * takes two entries (type, then value).
 */
public final class PackageReader {

  /** Name of the custom operator that carries a package. */
  public static final String CUSTOM_OP = "edgetpu-custom-op";

  /** Largest layer accepted (padded or actual bytes). */
  static final long MAX_LAYER_BYTES = 1L << 28;

  private PackageReader() {}

  /** Decodes the custom options of one {@code edgetpu-custom-op}. */
  public static EdgeTpuPackage fromCustomOptions(byte[] options) {
    if (options.length == 0) {
      throw new PackageFormatException("edgetpu-custom-op: custom options are empty (no package)");
    }
    byte[] pkg;
    try {
      FlexBuffers.Map map =
          FlexBuffers.getRoot(new ArrayReadWriteBuf(options, options.length)).asMap();
      FlexBuffers.Reference ref = map.get("4");
      if (ref.isNull() || !(ref.isString() || ref.isBlob())) {
        throw new PackageFormatException(
            "edgetpu-custom-op: custom options have no package under key \"4\"");
      }
      FlexBuffers.Blob blob = ref.asBlob();
      if (blob.size() < 0 || blob.size() > options.length) {
        throw new PackageFormatException(
            "edgetpu-custom-op: package length "
                + blob.size()
                + " exceeds the options' "
                + options.length
                + " bytes");
      }
      pkg = blob.getBytes();
      FlexBuffers.Reference extra = map.get("7");
      if (!extra.isNull() && extra.isVector() && extra.asVector().size() > 0) {
        throw new PackageFormatException(
            "edgetpu-custom-op: "
                + extra.asVector().size()
                + " extra executables (key \"7\"); only one package per operator is supported");
      }
    } catch (PackageFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PackageFormatException(
          "edgetpu-custom-op: custom options are not a readable FlexBuffers map ("
              + e.getClass().getSimpleName()
              + ")");
    }
    return read(pkg);
  }

  /** Decodes a serialized DWN1 package. */
  public static EdgeTpuPackage read(byte[] pkg) {
    String id = FlatTable.identifier(pkg);
    if (!"DWN1".equals(id)) {
      throw new PackageFormatException(
          "package: file identifier is '" + printable(id) + "', expected 'DWN1'");
    }
    FlatTable root = FlatTable.root(pkg, "Package");
    int minRuntime = root.getInt(0, 0);
    if (minRuntime > EdgeTpuPackage.MAX_RUNTIME_VERSION) {
      throw new PackageFormatException(
          "package: needs runtime version "
              + minRuntime
              + ", this driver supports up to "
              + EdgeTpuPackage.MAX_RUNTIME_VERSION);
    }
    int chipId = root.getInt(5, 0);
    if (chipId == -1) {
      throw new PackageFormatException(
          "package: multi-chip packages (virtual_chip_id -1) are not supported");
    }
    byte[] multi = root.getBytes(1);
    if (multi == null) {
      throw new PackageFormatException("package: serialized_multi_executable is missing");
    }
    FlatTable me = FlatTable.root(multi, "MultiExecutable");
    int n = me.vectorSize(0);
    if (n == 0) {
      throw new PackageFormatException("package: contains no executables");
    }
    List<Executable> exes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      exes.add(executable(FlatTable.root(me.getBytesAt(0, i), "Executable[" + i + "]"), i));
    }
    return new EdgeTpuPackage(minRuntime, root.getString(4), chipId, exes, pkg.length);
  }

  private static Executable executable(FlatTable t, int index) {
    String where = "Executable[" + index + "]";
    int batch = t.getInt(3, 0);
    if (batch < 1) {
      throw new PackageFormatException(where + ": batch_size " + batch + ", expected at least 1");
    }
    int typeCode = t.getShort(13, (short) 0);
    if (typeCode < 0 || typeCode > 2) {
      throw new PackageFormatException(where + ": unknown executable type " + typeCode);
    }
    List<Bitstream> bitstreams = new ArrayList<>();
    for (int i = 0; i < t.vectorSize(5); i++) {
      FlatTable b = t.getTableAt(5, i, "instruction_bitstreams");
      byte[] bits = b.getBytes(0);
      List<FieldOffset> fields = new ArrayList<>();
      for (int f = 0; f < b.vectorSize(1); f++) {
        FlatTable fo = b.getTableAt(1, f, "field_offsets");
        int bit = fo.getInt(1, 0);
        Meta meta = meta(fo.getTable(0, "meta"), where + ".bitstream[" + i + "].field[" + f + "]");
        if (bits == null || bit < 0 || bit + 32L > bits.length * 8L) {
          throw new PackageFormatException(
              where
                  + ".bitstream["
                  + i
                  + "]: field offset bit "
                  + bit
                  + " is outside the "
                  + (bits == null ? 0 : bits.length)
                  + "-byte chunk");
        }
        fields.add(new FieldOffset(meta, bit));
      }
      bitstreams.add(new Bitstream(bits == null ? new byte[0] : bits, fields));
    }
    byte[] params = t.getBytes(6);
    List<DmaHint> hints = new ArrayList<>();
    boolean deterministic = false;
    FlatTable dh = t.getTable(7, "dma_hints");
    if (dh != null) {
      deterministic = dh.getBool(1, false);
      for (int i = 0; i < dh.vectorSize(0); i++) {
        hints.add(
            hint(dh.getTableAt(0, i, "hints"), where + ".hint[" + i + "]", bitstreams.size()));
      }
    }
    List<Layer> inputs = layers(t, 8, where + ".input_layers", false);
    List<Layer> outputs = layers(t, 9, where + ".output_layers", true);
    return new Executable(
        Executable.Type.values()[typeCode],
        t.getLong(14, 0),
        batch,
        t.getInt(4, 0),
        bitstreams,
        params == null ? new byte[0] : params,
        hints,
        deterministic,
        inputs,
        outputs,
        t.getString(10));
  }

  private static Meta meta(FlatTable m, String where) {
    if (m == null) {
      throw new PackageFormatException(where + ": meta is missing");
    }
    return new Meta(
        Meta.Desc.of(m.getShort(0, (short) 0), where),
        m.getInt(1, 0),
        m.getString(2),
        m.getShort(3, (short) 0));
  }

  private static DmaHint hint(FlatTable h, String where, int chunks) {
    int kind = h.getUbyte(0, 0);
    boolean infeed = h.getShort(2, (short) 0) == 0;
    FlatTable v = h.getTable(1, "any_hint");
    if (v == null && kind != 4) {
      throw new PackageFormatException(where + ": hint of kind " + kind + " has no body");
    }
    return switch (kind) {
      case 1 -> {
        int off = v.getInt(1, 0);
        int size = v.getInt(2, 0);
        if (off < 0 || size < 0 || off > MAX_LAYER_BYTES || size > MAX_LAYER_BYTES) {
          throw new PackageFormatException(
              where
                  + ": DMA offset "
                  + off
                  + " and size "
                  + size
                  + " must be in 0.."
                  + MAX_LAYER_BYTES);
        }
        yield new DmaHint.Descriptor(meta(v.getTable(0, "meta"), where), off, size, infeed);
      }
      case 2 -> {
        int chunk = v.getInt(0, 0);
        if (chunk < 0 || chunk >= chunks) {
          throw new PackageFormatException(
              where + ": instruction chunk " + chunk + " of " + chunks);
        }
        yield new DmaHint.Instruction(chunk, infeed);
      }
      case 3 -> {
        int type = v.getShort(0, (short) 0);
        if (type < 0 || type > 3) {
          throw new PackageFormatException(where + ": interrupt type " + type + ", expected 0..3");
        }
        yield new DmaHint.Interrupt(type, infeed);
      }
      case 4 -> new DmaHint.Fence(infeed);
      default -> throw new PackageFormatException(where + ": unknown hint kind " + kind);
    };
  }

  private static List<Layer> layers(FlatTable t, int slot, String where, boolean output) {
    List<Layer> out = new ArrayList<>();
    for (int i = 0; i < t.vectorSize(slot); i++) {
      out.add(layer(t.getTableAt(slot, i, "layer"), where + "[" + i + "]", output));
    }
    return out;
  }

  private static Layer layer(FlatTable l, String where, boolean output) {
    int size = l.getInt(1, 0);
    int y = l.getInt(2, 0);
    int x = l.getInt(3, 0);
    int z = l.getInt(4, 0);
    int exec = l.getInt(9, 1);
    if (size < 0
        || y < 1
        || x < 1
        || z < 1
        || exec < 1
        || (long) y * x * z * 4 * exec > Integer.MAX_VALUE) {
      throw new PackageFormatException(
          where
              + ": invalid dimensions y="
              + y
              + " x="
              + x
              + " z="
              + z
              + " size="
              + size
              + " executions="
              + exec);
    }
    long padded = (long) size * exec;
    long actual = (long) y * x * z * exec;
    if (padded > MAX_LAYER_BYTES || actual > MAX_LAYER_BYTES) {
      throw new PackageFormatException(
          where + ": layer of " + Math.max(padded, actual) + " bytes exceeds " + MAX_LAYER_BYTES);
    }
    FlatTable num = l.getTable(5, "numerics");
    int zp = num == null ? 0 : num.getInt(0, 0);
    float scale = num == null ? 0f : num.getFloat(1, 0f);
    int type = l.getShort(6, (short) 0);
    if (!(type >= 0 && type <= 5) && type != 8 && type != 9) {
      throw new PackageFormatException(where + ": unknown data type " + type);
    }
    Optional<OutputLayout> layout = Optional.empty();
    List<TensorLayout> slices = new ArrayList<>();
    int[] sliceOffsets = new int[0];
    if (output) {
      if (l.getUbyte(7, 0) != 1) {
        throw new PackageFormatException(where + ": output layer without OutputLayer information");
      }
      FlatTable ol = l.getTable(8, "any_layer");
      FlatTable lay = ol == null ? null : ol.getTable(0, "layout");
      if (lay != null) {
        layout =
            Optional.of(
                new OutputLayout(
                    lay.getInts(0),
                    lay.getInts(1),
                    lay.getInts(2),
                    lay.getInts(3),
                    lay.getInts(4),
                    lay.getInts(5)));
      }
      FlatTable si = ol == null ? null : ol.getTable(2, "shape_info");
      if (si != null) {
        for (int i = 0; i < si.vectorSize(0); i++) {
          FlatTable tl = si.getTableAt(0, i, "slice_layout");
          slices.add(
              tensorLayout(tl.getTable(0, "shape"), tl.getInts(1), where + ".slice[" + i + "]"));
        }
        sliceOffsets = si.getInts(1);
        if (sliceOffsets.length != slices.size()) {
          throw new PackageFormatException(
              where
                  + ": "
                  + slices.size()
                  + " slices but "
                  + sliceOffsets.length
                  + " slice offsets");
        }
      }
    }
    FlatTable shape = l.getTable(11, "shape");
    Optional<TensorLayout> shapeLayout =
        shape == null
            ? Optional.empty()
            : Optional.of(tensorLayout(shape, new int[0], where + ".shape"));
    return new Layer(
        l.getString(0),
        size,
        y,
        x,
        z,
        zp,
        scale,
        type,
        exec,
        output,
        layout,
        slices,
        sliceOffsets,
        shapeLayout);
  }

  private static TensorLayout tensorLayout(FlatTable shape, int[] stride, String where) {
    if (shape == null) {
      throw new PackageFormatException(where + ": tensor shape is missing");
    }
    byte[] ranges = shape.getStructBytes(0, 8);
    int rank = ranges.length / 8;
    int[] start = new int[rank];
    int[] end = new int[rank];
    for (int d = 0; d < rank; d++) {
      start[d] = le(ranges, 8 * d);
      end[d] = le(ranges, 8 * d + 4);
      if (start[d] < 0 || end[d] < start[d] - 1 || end[d] > 1 << 24) {
        throw new PackageFormatException(
            where + ": dimension " + d + " range [" + start[d] + ", " + end[d] + "] is invalid");
      }
    }
    if (stride.length != 0 && stride.length != rank) {
      throw new PackageFormatException(
          where + ": " + stride.length + " strides for " + rank + " dimensions");
    }
    return new TensorLayout(start, end, stride);
  }

  private static int le(byte[] b, int p) {
    return (b[p] & 0xFF)
        | (b[p + 1] & 0xFF) << 8
        | (b[p + 2] & 0xFF) << 16
        | (b[p + 3] & 0xFF) << 24;
  }

  private static String printable(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? s : "?";
  }
}
