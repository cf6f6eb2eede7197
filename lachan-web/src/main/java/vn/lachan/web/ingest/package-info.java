/** Takes NDJSON, JSON arrays and single JSON objects over HTTP into the intake. */
@NullMarked
package vn.lachan.web.ingest;

import org.jspecify.annotations.NullMarked;
