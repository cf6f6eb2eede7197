/** The event-store commands: {@code lachan import}, {@code lachan search} and {@code lachan store}. */
@NullMarked
package vn.lachan.app.store;

import org.jspecify.annotations.NullMarked;
