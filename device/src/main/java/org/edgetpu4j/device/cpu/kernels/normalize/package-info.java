/** Normalisations along the last axis: LOG_SOFTMAX and LOCAL_RESPONSE_NORMALIZATION. */
package org.edgetpu4j.device.cpu.kernels.normalize;
