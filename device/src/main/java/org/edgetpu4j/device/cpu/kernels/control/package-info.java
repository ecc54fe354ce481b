/** Control flow: WHILE and IF, running other subgraphs of the model. */
package org.edgetpu4j.device.cpu.kernels.control;
