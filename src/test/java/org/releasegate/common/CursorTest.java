package org.releasegate.common;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CursorTest {

	@Test
	void roundTripsWithMicrosecondPrecision() {
		Cursor cursor = new Cursor(Instant.parse("2026-11-29T05:15:23.430829Z"), "some-id:with:colons");
		assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void rejectsTextItDidNotIssue() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cursor.decode("not a cursor"));
		assertThat(Cursor.decode(null)).isNull();
	}

	@Test
	void limitsPageSizes() {
		assertThat(Cursor.limit(null)).isEqualTo(Cursor.DEFAULT_LIMIT);
		assertThat(Cursor.limit(500)).isEqualTo(500);
		assertThatIllegalArgumentException().isThrownBy(() -> Cursor.limit(0));
		assertThatIllegalArgumentException().isThrownBy(() -> Cursor.limit(501));
	}

	@Test
	void aSliceHasANextCursorOnlyWhenMoreRowsWereFound() {
		List<Integer> fetched = List.of(5, 4, 3);
		Slice<Integer> page = Slice.of(fetched, 2, n -> new Cursor(Instant.EPOCH, n.toString()));
		assertThat(page.items()).containsExactly(5, 4);
		assertThat(Cursor.decode(page.nextCursor()).id()).isEqualTo("4");
		assertThat(Slice.of(List.of(1), 2, n -> new Cursor(Instant.EPOCH, n.toString())).nextCursor()).isNull();
	}

}
