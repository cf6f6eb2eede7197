/** Parses raw records (JSON, syslog, CEF, LEEF, key=value, web and Linux logs, grok) into ECS field trees. */
@NullMarked
package vn.lachan.ingest.parse;

import org.jspecify.annotations.NullMarked;
