package org.edgetpu4j.device.cpu;

import java.util.List;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;

/** Prints the time spent per operator of a conformance case: {@code StepProfile case [runs]}. */
public final class StepProfile {
  private StepProfile() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    ConformanceCases.Case c = ConformanceCases.load(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Model model = TfliteReader.read(c.model());
    List<byte[]> in =
        c.samples().get(0).inputs().stream().map(ConformanceCases.TensorFile::bytes).toList();
    Plan plan =
        Planner.plan(
            model,
            new int[][] {model.mainSubgraph().inputTensor(0).shape().toArray()},
            InterpreterOptions.defaults());
    Memory m = plan.memory();
    int t0 = plan.inputs()[0];
    System.arraycopy(in.get(0), 0, m.data[t0], m.offset[t0], in.get(0).length);
    long[] ns = new long[plan.steps().length];
    for (int r = 0; r < runs; r++) {
      for (int s = 0; s < plan.steps().length; s++) {
        long t = System.nanoTime();
        plan.steps()[s].run(m);
        if (r >= runs / 4) {
          ns[s] += System.nanoTime() - t;
        }
      }
    }
    java.util.Map<String, Long> byOp = new java.util.TreeMap<>();
    long total = 0;
    for (int s = 0; s < ns.length; s++) {
      var op = model.mainSubgraph().operators().get(plan.stepOps()[s]);
      String name = model.opcode(op).displayName();
      byOp.merge(name, ns[s], Long::sum);
      if (Boolean.getBoolean("steps")) {
        System.out.printf("step %3d %-20s %8.1f us%n", s, name, ns[s] / 1000.0 / (runs - runs / 4));
      }
      total += ns[s];
    }
    int timed = runs - runs / 4;
    byOp.forEach((k, v) -> System.out.printf("%-20s %8.1f us%n", k, v / 1000.0 / timed));
    System.out.printf("%-20s %8.1f us%n", "total", total / 1000.0 / timed);
  }
}
