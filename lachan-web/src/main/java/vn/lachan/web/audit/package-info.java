/** The audit trail as the API serves it to auditors. */
@NullMarked
package vn.lachan.web.audit;

import org.jspecify.annotations.NullMarked;
