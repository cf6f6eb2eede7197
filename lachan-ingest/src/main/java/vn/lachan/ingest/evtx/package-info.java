/** Reads Windows XML Event Log ({@code .evtx}) files natively into events in the {@code evtx_dump} JSON layout. */
@NullMarked
package vn.lachan.ingest.evtx;

import org.jspecify.annotations.NullMarked;
