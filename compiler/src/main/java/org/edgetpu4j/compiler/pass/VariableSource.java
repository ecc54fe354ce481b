package org.edgetpu4j.compiler.pass;

import java.util.Optional;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.TensorProtos;
import org.tensorflow.Graph;
import org.tensorflow.RawTensor;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.TensorProto;

/** Where {@link FreezeVariables} reads variable values: a live session or a checkpoint. */
@FunctionalInterface
public interface VariableSource {
  /**
   * The current value of the tensor {@code name} (a VariableV2 node or a ReadVariableOp), or empty
   * when the source has no such node.
   */
  Optional<TensorProto> read(String name);

  /** Values from a live session (for example the training session). */
  static VariableSource of(Session session) {
    return name -> {
      Graph g = session.graph();
      if (g.operation(name) == null) {
        return Optional.empty();
      }
      try (Result r = session.runner().fetch(name).run()) {
        return Optional.of(toProto(r.get(0)));
      } catch (RuntimeException e) {
        throw new GraphException("cannot read variable '" + name + "': " + e.getMessage(), e);
      }
    };
  }

  /** Copies a TensorFlow tensor into a TensorProto. */
  static TensorProto toProto(Tensor t) {
    RawTensor raw = t.asRawTensor();
    byte[] bytes = new byte[Math.toIntExact(raw.numBytes())];
    raw.data().read(bytes);
    return TensorProtos.ofRaw(t.dataType(), t.shape().asArray(), bytes);
  }
}
