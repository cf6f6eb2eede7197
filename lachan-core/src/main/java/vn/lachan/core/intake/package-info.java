/** The intake port: what every input hands to the durable journal, and how the journal pushes back. */
@NullMarked
package vn.lachan.core.intake;

import org.jspecify.annotations.NullMarked;
