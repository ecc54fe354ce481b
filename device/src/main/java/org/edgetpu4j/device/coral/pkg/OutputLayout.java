package org.edgetpu4j.device.coral.pkg;

/**
 * Where element (y, x, z) of a 3-D output sits in the bytes the device streams, per tile.
 *
 * @param yTile linear tile id of the first tile of the row holding each y
 * @param xTile tile id within the row for each x
 * @param tileByteOffset start byte of each linear tile
 * @param xLocalByteOffset byte offset of each x within its tile
 * @param yLocalOffset local row of each y within its tile
 * @param xLocalRowSize row size in bytes of the tile holding each x
 */
public record OutputLayout(
    int[] yTile,
    int[] xTile,
    int[] tileByteOffset,
    int[] xLocalByteOffset,
    int[] yLocalOffset,
    int[] xLocalRowSize) {}
