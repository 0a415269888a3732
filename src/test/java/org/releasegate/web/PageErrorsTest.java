package org.releasegate.web;

import org.junit.jupiter.api.Test;
import org.releasegate.common.ConflictException;
import org.releasegate.common.NotFoundException;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class PageErrorsTest {

	private final PageErrors errors = new PageErrors();

	@Test
	void aPageGetsTheFriendlyErrorViewWithTheRightStatus() throws Exception {
		ModelAndView notFound = resolve(new Page(), new NotFoundException("There is no application called 'x'."));
		assertThat(notFound.getViewName()).isEqualTo("error");
		assertThat(notFound.getStatus().value()).isEqualTo(404);
		assertThat(notFound.getModel()).containsEntry("message", "There is no application called 'x'.");
		assertThat(resolve(new Page(), new ConflictException("already approved")).getStatus().value()).isEqualTo(409);
		assertThat(resolve(new Page(), new IllegalStateException("not running")).getStatus().value()).isEqualTo(409);
		assertThat(resolve(new Page(), new IllegalArgumentException("bad")).getStatus().value()).isEqualTo(400);
	}

	@Test
	void aMalformedIdInThePathIsAPageThatDoesNotExist() throws Exception {
		HandlerMethod handler = new HandlerMethod(new Page(),
				Page.class.getDeclaredMethod("byId", java.util.UUID.class));
		var mismatch = new org.springframework.web.method.annotation.MethodArgumentTypeMismatchException("abc",
				java.util.UUID.class, "id", handler.getMethodParameters()[0], new IllegalArgumentException("abc"));
		ModelAndView page = errors.resolveException(new MockHttpServletRequest("GET", "/releases/abc"),
				new MockHttpServletResponse(), handler, mismatch);
		assertThat(page.getStatus().value()).isEqualTo(404);
		assertThat(page.getModel()).containsEntry("message", "");
	}

	@Test
	void unexpectedFailuresAndRestControllersAreLeftToOthers() throws Exception {
		assertThat(resolve(new Page(), new RuntimeException("boom"))).isNull();
		assertThat(resolve(new Api(), new NotFoundException("no"))).isNull();
	}

	private ModelAndView resolve(Object controller, Exception ex) throws Exception {
		HandlerMethod handler = new HandlerMethod(controller, controller.getClass().getDeclaredMethod("get"));
		return errors.resolveException(new MockHttpServletRequest("GET", "/x"), new MockHttpServletResponse(), handler,
				ex);
	}

	@Controller
	static class Page {

		String get() {
			return "page";
		}

		String byId(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id) {
			return "page";
		}

	}

	@RestController
	static class Api {

		String get() {
			return "body";
		}

	}

}
