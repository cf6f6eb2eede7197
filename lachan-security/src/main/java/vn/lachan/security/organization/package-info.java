/** Changes to the organization tree and its contact points, checked against the actor's subtree and audited. */
@NullMarked
package vn.lachan.security.organization;

import org.jspecify.annotations.NullMarked;
