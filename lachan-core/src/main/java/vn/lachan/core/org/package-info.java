/**
 * Describes the organizations a provincial center serves (the tree from the province down to
 * communes and units) and their contact points, and declares the port that stores them.
 */
@NullMarked
package vn.lachan.core.org;

import org.jspecify.annotations.NullMarked;
