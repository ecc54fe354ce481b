package org.edgetpu4j.validator.report;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places an {@link OpGraph} with the Eclipse Layout Kernel's layered algorithm (Sugiyama style):
 * top to bottom, nodes in layers, crossings minimised, every edge routed orthogonally around the
 * boxes (an edge that skips layers runs through its own lane, never under a box).
 *
 * @param width drawing width
 * @param height drawing height
 * @param boxes one {@code {x, y, w, h}} per node
 * @param routes one polyline {@code x0, y0, x1, y1, ...} per edge
 */
record GraphLayout(double width, double height, List<double[]> boxes, List<double[]> routes) {
  static final double BOX_H = 36;
  static final double CHAR_W = 7.3;

  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  /** The width a box needs for its longest line at 11-12 px sans-serif. */
  static double boxWidth(OpGraph.Node n) {
    int chars = Math.max(n.title().length(), n.subtitle().length());
    return Math.max(110, Math.ceil(chars * CHAR_W) + 20);
  }

  static GraphLayout of(OpGraph g) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 12.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 8.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 28.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
    root.setProperty(LayeredOptions.RANDOM_SEED, 1);
    List<ElkNode> nodes = new ArrayList<>();
    for (OpGraph.Node n : g.nodes()) {
      ElkNode e = ElkGraphUtil.createNode(root);
      e.setDimensions(boxWidth(n), BOX_H);
      nodes.add(e);
    }
    List<ElkEdge> edges = new ArrayList<>();
    for (OpGraph.Edge e : g.edges()) {
      edges.add(ElkGraphUtil.createSimpleEdge(nodes.get(e.from()), nodes.get(e.to())));
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    List<double[]> boxes = new ArrayList<>();
    for (ElkNode n : nodes) {
      boxes.add(new double[] {n.getX(), n.getY(), n.getWidth(), n.getHeight()});
    }
    List<double[]> routes = new ArrayList<>();
    for (ElkEdge e : edges) {
      List<Double> pts = new ArrayList<>();
      for (ElkEdgeSection s : e.getSections()) {
        pts.add(s.getStartX());
        pts.add(s.getStartY());
        for (ElkBendPoint b : s.getBendPoints()) {
          pts.add(b.getX());
          pts.add(b.getY());
        }
        pts.add(s.getEndX());
        pts.add(s.getEndY());
      }
      routes.add(pts.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return new GraphLayout(root.getWidth(), root.getHeight(), boxes, routes);
  }
}
