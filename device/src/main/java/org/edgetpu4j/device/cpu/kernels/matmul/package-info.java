/** Matrix products over batches: BATCH_MATMUL. */
package org.edgetpu4j.device.cpu.kernels.matmul;
