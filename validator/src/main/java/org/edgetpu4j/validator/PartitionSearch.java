package org.edgetpu4j.validator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.validator.rules.RuleContext;

/**
 * The Edge TPU compiler's single-partition search over the operator graph. Each operator either can
 * be mapped by itself or is blocked (it has a finding that keeps it off the Edge TPU). The compiler
 * makes one Edge TPU subgraph:
 *
 * <ul>
 *   <li>blocked operators that only depend on model inputs, constants and other such operators (a
 *       CAST or float QUANTIZE at the input) run on the CPU <em>before</em> the partition and feed
 *       it;
 *   <li>a blocked operator that depends on a mapped one cuts the graph: it and every operator that
 *       depends on it run on the CPU <em>after</em> the partition ("More than one subgraph is not
 *       supported"), while operators on other branches stay mapped;
 *   <li>when treating a blocked operator and everything it depends on as the CPU prologue leaves
 *       more operators on the Edge TPU, the compiler does that: it maps the largest run it can.
 * </ul>
 *
 * Dependencies follow tensors (an operator depends on the producers of its non-constant inputs).
 */
final class PartitionSearch {
  private PartitionSearch() {}

  /**
   * Where each operator runs.
   *
   * @param onTpu the mapped operators
   * @param prologue blocked or supported operators run on the CPU before the partition
   * @param cutBy for each operator cut off after the partition, the blocked operator that cut it
   *     (-1 for the others)
   */
  record Partition(BitSet onTpu, BitSet prologue, int[] cutBy) {
    int mapped() {
      return onTpu.cardinality();
    }
  }

  /** The partition for the operators of {@code ctx} with the given blocked ones. */
  static Partition search(RuleContext ctx, BitSet blocked) {
    int n = ctx.opCount();
    List<int[]> producers = producers(ctx);
    BitSet[] ancestors = new BitSet[n];
    for (int i = 0; i < n; i++) {
      ancestors[i] = new BitSet(n);
      for (int p : producers.get(i)) {
        ancestors[i].set(p);
        ancestors[i].or(ancestors[p]);
      }
    }
    Partition best = evaluate(n, producers, blocked, new BitSet(n));
    for (int b = blocked.nextSetBit(0); b >= 0; b = blocked.nextSetBit(b + 1)) {
      if (best.prologue().get(b)) {
        continue;
      }
      BitSet prologue = (BitSet) ancestors[b].clone();
      prologue.set(b);
      Partition p = evaluate(n, producers, blocked, prologue);
      if (p.mapped() > best.mapped()) {
        best = p;
      }
    }
    return best;
  }

  /**
   * One forward pass: operators in {@code forced} (and blocked operators with nothing mapped
   * upstream) form the prologue; a blocked operator with something mapped upstream cuts off its
   * descendants.
   */
  private static Partition evaluate(int n, List<int[]> producers, BitSet blocked, BitSet forced) {
    BitSet onTpu = new BitSet(n);
    BitSet prologue = new BitSet(n);
    BitSet tpuUpstream = new BitSet(n);
    int[] cutBy = new int[n];
    java.util.Arrays.fill(cutBy, -1);
    for (int i = 0; i < n; i++) {
      boolean upstream = false;
      int cut = -1;
      boolean allPrologue = true;
      for (int p : producers.get(i)) {
        upstream |= onTpu.get(p) || tpuUpstream.get(p);
        if (cut < 0 && cutBy[p] >= 0) {
          cut = cutBy[p];
        }
        allPrologue &= prologue.get(p);
      }
      if (upstream) {
        tpuUpstream.set(i);
      }
      if (forced.get(i) || (blocked.get(i) && !upstream && cut < 0 && allPrologue)) {
        prologue.set(i);
      } else if (cut >= 0) {
        cutBy[i] = cut;
      } else if (blocked.get(i)) {
        cutBy[i] = i;
      } else {
        onTpu.set(i);
      }
    }
    return new Partition(onTpu, prologue, cutBy);
  }

  /** For each operator, the operators producing its non-constant inputs. */
  private static List<int[]> producers(RuleContext ctx) {
    Map<Integer, Integer> producerOf = new HashMap<>();
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      var inputs = ctx.op(i).inputs();
      List<Integer> ps = new ArrayList<>();
      for (int k = 0; k < inputs.length(); k++) {
        Integer p = producerOf.get(inputs.get(k));
        if (p != null && !ps.contains(p)) {
          ps.add(p);
        }
      }
      out.add(ps.stream().mapToInt(Integer::intValue).toArray());
      var outputs = ctx.op(i).outputs();
      for (int k = 0; k < outputs.length(); k++) {
        producerOf.putIfAbsent(outputs.get(k), i);
      }
    }
    return out;
  }
}
