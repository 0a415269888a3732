package org.releasegate.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated listing: the items and the cursor of the next page, or
 * {@code null} when this is the last one.
 */
public record Slice<T>(List<T> items, String nextCursor) {

	public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
		return new Slice<>(items.stream().<R>map(mapper).toList(), nextCursor);
	}

	/**
	 * Builds a slice from a query that fetched {@code limit + 1} rows: the extra row only
	 * tells that there is a next page.
	 */
	public static <T> Slice<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
		return byPosition(fetched, limit, item -> cursorOf.apply(item).encode());
	}

	/**
	 * As {@link #of(List, int, Function)}, for listings ordered by a unique text (such as
	 * a name) that is itself the position of the next page.
	 */
	public static <T> Slice<T> byPosition(List<T> fetched, int limit, Function<T, String> positionOf) {
		if (fetched.size() <= limit) {
			return new Slice<>(List.copyOf(fetched), null);
		}
		List<T> page = List.copyOf(fetched.subList(0, limit));
		return new Slice<>(page, positionOf.apply(page.get(limit - 1)));
	}

}
