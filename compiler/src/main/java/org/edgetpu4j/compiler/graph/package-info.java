/**
 * A small immutable representation of TensorFlow GraphDefs ({@link
 * org.edgetpu4j.compiler.graph.TfGraph}), node factories, an editor, a builder for hand-written
 * graphs, and helpers to run graphs in TensorFlow Java.
 */
package org.edgetpu4j.compiler.graph;
