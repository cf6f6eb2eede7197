/** Reads events from files and folders of JSON lines, JSON documents, gzip, zip and EVTX. */
@NullMarked
package vn.lachan.ingest.file;

import org.jspecify.annotations.NullMarked;
