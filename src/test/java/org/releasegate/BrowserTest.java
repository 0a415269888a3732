package org.releasegate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the browser tests: a real headless Chromium (the system's {@code chromium} and
 * {@code chromedriver}), one per test class, signed out before each test. Where no
 * Chromium is installed the tests are skipped with a message, except in CI (environment
 * variable {@code CI} set), where they fail. Subclasses are {@code @FullStackTest}s.
 */
public abstract class BrowserTest {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	/** Where every test's screenshots go. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	protected static WebDriver browser;

	private static Path profile;

	@Autowired
	protected Api api;

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String missing = "Browser tests need Chromium and chromedriver (Debian: apt-get install chromium "
				+ "chromium-driver); not found at " + CHROMIUM + " and " + CHROMEDRIVER;
		if (System.getenv("CI") != null) {
			Assertions.assertTrue(installed, missing);
		}
		Assumptions.assumeTrue(installed, missing + ": skipping");
		profile = Files.createTempDirectory("releasegate-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		try {
			if (browser != null) {
				browser.quit();
			}
		}
		finally {
			browser = null;
			if (profile != null) {
				try (Stream<Path> files = Files.walk(profile)) {
					files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
		}
	}

	@BeforeEach
	void signedOut() {
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(api.baseUrl() + "/login");
		browser.manage().deleteAllCookies();
		// start each test with an empty console: earlier tests may have met errors on
		// purpose
		browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
	}

	/** Opens a page of the service by its path. */
	protected void open(String path) {
		browser.get(api.baseUrl() + path);
	}

	/** Signs in through the sign-in form and waits for the page it leads to. */
	protected void signIn(String username, String password) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitUntil(driver -> !driver.getCurrentUrl().endsWith("/login"));
	}

	protected WebElement find(String css) {
		return browser.findElement(By.cssSelector(css));
	}

	protected java.util.List<WebElement> findAll(String css) {
		return browser.findElements(By.cssSelector(css));
	}

	/**
	 * Waits up to 10 s for the condition; an element that went stale while the page was
	 * replaced (a form post, an htmx swap) counts as not yet.
	 */
	protected <T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
	}

	/** Fails if the browser console reported an error since the last call. */
	protected void assertNoConsoleErrors() {
		java.util.List<String> errors = browser.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(entry -> entry.getMessage())
			.toList();
		Assertions.assertEquals(java.util.List.of(), errors, "console errors on " + browser.getCurrentUrl());
	}

	/**
	 * Basic accessibility checks of the current page: a language, one main landmark, one
	 * level-one heading, a label for every visible form control, alt text on images.
	 */
	protected void assertAccessible() {
		String page = browser.getCurrentUrl();
		Assertions.assertFalse(find("html").getAttribute("lang").isBlank(), "no lang on " + page);
		Assertions.assertEquals(1, findAll("main").size(), "one main landmark on " + page);
		Assertions.assertEquals(1, findAll("h1").size(), "one h1 on " + page);
		for (WebElement control : findAll("input:not([type=hidden]), select, textarea")) {
			String id = control.getAttribute("id");
			boolean labelled = (id != null && !id.isBlank() && !findAll("label[for='" + id + "']").isEmpty())
					|| control.getAttribute("aria-label") != null
					|| !control.findElements(By.xpath("ancestor::label")).isEmpty();
			Assertions.assertTrue(labelled, "unlabelled " + control.getAttribute("name") + " on " + page);
		}
		for (WebElement image : findAll("img")) {
			Assertions.assertNotNull(image.getAttribute("alt"), "image without alt on " + page);
		}
	}

	/** Saves a PNG of the current page under {@code target/screenshots/}. */
	protected Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(file, png);
		return file;
	}

}
