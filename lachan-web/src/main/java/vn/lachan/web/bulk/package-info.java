/** Answers shippers that speak the Elasticsearch/OpenSearch bulk API, and the probes they make first. */
@NullMarked
package vn.lachan.web.bulk;

import org.jspecify.annotations.NullMarked;
