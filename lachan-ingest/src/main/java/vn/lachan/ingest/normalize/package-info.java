/** Normalizes Windows events from the layouts Lachan reads to ECS field names, driven by a YAML table. */
@NullMarked
package vn.lachan.ingest.normalize;

import org.jspecify.annotations.NullMarked;
