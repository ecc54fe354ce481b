/**
 * Reading frozen GraphDef files and SavedModel directories into frozen graphs with static input
 * shapes.
 */
package org.edgetpu4j.compiler.importer;
