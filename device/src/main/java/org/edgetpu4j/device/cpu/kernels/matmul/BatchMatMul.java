package org.edgetpu4j.device.cpu.kernels.matmul;

import org.edgetpu4j.device.cpu.kernels.elementwise.Indexing;
import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * BATCH_MATMUL of {@code [..., M, K] x [..., K, N]} with broadcast batch dimensions (ranks 2 to 5)
 * and the {@code adj_x}/{@code adj_y} transposes, on float32 (sums in index order) and on int8 (32-
 * bit sums of offset values rescaled by {@code s_x * s_y / s_out}).
 */
public final class BatchMatMul implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot x = node.in(0);
    Slot y = node.in(1);
    Slot out = node.out(0);
    node.require(x.rank() >= 2 && x.rank() <= 5, x.describe() + " must have rank 2..5");
    node.require(y.rank() >= 2 && y.rank() <= 5, y.describe() + " must have rank 2..5");
    boolean adjX = node.options.has("adj_x") && node.options.getBool("adj_x");
    boolean adjY = node.options.has("adj_y") && node.options.getBool("adj_y");
    int xr = x.rank();
    int yr = y.rank();
    int rows = adjX ? x.dim(xr - 1) : x.dim(xr - 2);
    int depth = adjX ? x.dim(xr - 2) : x.dim(xr - 1);
    int depthY = adjY ? y.dim(yr - 1) : y.dim(yr - 2);
    int cols = adjY ? y.dim(yr - 2) : y.dim(yr - 1);
    node.require(
        depth == depthY,
        "inner dimensions differ: " + Shapes.str(x.shape) + " x " + Shapes.str(y.shape));
    int[] bx = java.util.Arrays.copyOf(x.shape, xr - 2);
    int[] by = java.util.Arrays.copyOf(y.shape, yr - 2);
    int br = Math.max(bx.length, by.length);
    int[] ex = Shapes.extend(bx, br);
    int[] ey = Shapes.extend(by, br);
    int[] batch = new int[br];
    for (int d = 0; d < br; d++) {
      node.require(
          ex[d] == ey[d] || ex[d] == 1 || ey[d] == 1,
          "batch dimensions of " + Shapes.str(x.shape) + " and " + Shapes.str(y.shape) + " differ");
      batch[d] = Math.max(ex[d], ey[d]);
    }
    int[] shape = java.util.Arrays.copyOf(batch, br + 2);
    shape[br] = rows;
    shape[br + 1] = cols;
    long total = 1;
    for (int d : shape) {
      total *= d;
      node.require(total <= 1L << 28, "output " + Shapes.str(shape) + " is too large");
    }
    node.setShape(0, shape);
    int batches = Shapes.flatSize(batch);
    int[] mx = Indexing.map(node, batch, ex);
    int[] my = Indexing.map(node, batch, ey);
    int xsz = rows * depth;
    int ysz = depth * cols;
    // element strides of (row i, k) in x and (k, col j) in y
    int xi = adjX ? 1 : depth;
    int xk = adjX ? rows : 1;
    int yk = adjY ? 1 : cols;
    int yj = adjY ? depth : 1;
    int tx = x.index;
    int ty = y.index;
    int to = out.index;
    if (x.type == TensorType.FLOAT32) {
      node.requireType(y, TensorType.FLOAT32);
      node.requireType(out, TensorType.FLOAT32);
      return m -> {
        for (int b = 0; b < batches; b++) {
          int xb = Indexing.at(mx, b) * xsz;
          int yb = Indexing.at(my, b) * ysz;
          int ob = b * rows * cols;
          for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
              float acc = 0f;
              for (int k = 0; k < depth; k++) {
                acc +=
                    Bytes.f32(m.data[tx], m.offset[tx], xb + i * xi + k * xk)
                        * Bytes.f32(m.data[ty], m.offset[ty], yb + k * yk + j * yj);
              }
              Bytes.f32(m.data[to], m.offset[to], ob + i * cols + j, acc);
            }
          }
        }
      };
    }
    node.requireType(x, TensorType.INT8);
    node.requireType(y, TensorType.INT8);
    node.requireType(out, TensorType.INT8);
    node.requirePerTensor(x);
    node.requirePerTensor(y);
    node.requirePerTensor(out);
    QuantMath.Multiplier mo =
        QuantMath.quantizeMultiplier((double) x.scale() * y.scale() / out.scale());
    int offX = -x.zeroPoint();
    int offY = -y.zeroPoint();
    int outZp = out.zeroPoint();
    int lo = Activations.qmin(out.type);
    int hi = Activations.qmax(out.type);
    return m -> {
      byte[] xd = m.data[tx];
      int xo = m.offset[tx];
      byte[] yd = m.data[ty];
      int yo = m.offset[ty];
      byte[] od = m.data[to];
      int oo = m.offset[to];
      for (int b = 0; b < batches; b++) {
        int xb = xo + Indexing.at(mx, b) * xsz;
        int yb = yo + Indexing.at(my, b) * ysz;
        int ob = oo + b * rows * cols;
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < cols; j++) {
            int acc = 0;
            for (int k = 0; k < depth; k++) {
              acc += (xd[xb + i * xi + k * xk] + offX) * (yd[yb + k * yk + j * yj] + offY);
            }
            int v = QuantMath.multiply(acc, mo) + outZp;
            od[ob + i * cols + j] = (byte) Math.min(Math.max(v, lo), hi);
          }
        }
      }
    };
  }
}
