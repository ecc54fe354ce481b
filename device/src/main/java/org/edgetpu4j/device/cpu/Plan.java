package org.edgetpu4j.device.cpu;

import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * A prepared model: the steps to run in order, where every tensor lives, and the arena size.
 *
 * @param slots every tensor of the main subgraph, with its planned shape
 * @param inputs subgraph input tensor indices
 * @param outputs subgraph output tensor indices
 * @param steps the non-constant operators, in execution order
 * @param stepOps the operator index of each step
 * @param memory tensor locations; activations share one arena
 * @param arenaBytes bytes of the activation arena (peak activation memory)
 */
record Plan(
    Slot[] slots,
    int[] inputs,
    int[] outputs,
    Step[] steps,
    int[] stepOps,
    Memory memory,
    long arenaBytes) {}
