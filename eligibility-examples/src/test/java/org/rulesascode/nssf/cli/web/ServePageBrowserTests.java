package org.rulesascode.nssf.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.json.NssfJson;

/**
 * The paralegals' page of {@code nssf serve} driven in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, found at /usr/bin or through -Dnssf.chromium / -Dnssf.chromedriver). Without the browser
 * these tests fail and say what to install: they never skip.
 */
class ServePageBrowserTests {
    static final String CHROMIUM = System.getProperty("nssf.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("nssf.chromedriver", "/usr/bin/chromedriver");
    static final String INSTALL = "the browser tests need Chromium, its driver and a Khmer font: as root run "
            + "'apt-get update && apt-get install -y chromium chromium-driver fonts-khmeros' (./test does it), "
            + "or point -Dnssf.chromium and -Dnssf.chromedriver at them";

    static EligibilityEngine engine;
    static WebServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            fail("no " + (Files.isExecutable(Path.of(CHROMIUM)) ? CHROMEDRIVER : CHROMIUM) + ": " + INSTALL);
        }
        engine = EligibilityEngine.standard();
        server = WebServer.start(engine, new InetSocketAddress("127.0.0.1", 0));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1000,1400");
        // the driver is given explicitly: Selenium Manager, which would download one, is never used
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    static void set(String id, String value) {
        WebElement e = browser.findElement(By.name(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", e, value); // date and month pickers
    }

    static void type(String name, String value) {
        browser.findElement(By.name(name)).sendKeys(value);
    }

    static void choose(String name, String value) {
        new Select(browser.findElement(By.name(name))).selectByValue(value);
    }

    /** Sokha: garment worker since 2019, a baby on 2025-06-02, NSSF told on 2025-02-01. */
    static void fillSokha() {
        type("id", "sokha");
        set("birthDate", "1996-03-14");
        choose("sex", "FEMALE");
        choose("employmentStatus", "EMPLOYEE");
        choose("sector", "GARMENT");
        type("wage", "852800");
        set("employmentStart", "2019-01-07");
        type("enterpriseWorkers", "850");
        set("h0.from", "2019-01");
        set("h0.to", "2025-05");
        type("h0.wage", "852800");
        choose("e0.type", "CHILDBIRTH");
        set("e0.date", "2025-06-02");
        type("e0.babies", "1");
        type("e0.pregnancyWeeks", "39");
        set("e0.notifiedOn", "2025-02-01");
        set("asOf", "2025-06-30");
    }

    static final String SOKHA = "{\"id\":\"sokha\",\"birthDate\":\"1996-03-14\",\"sex\":\"FEMALE\",\"employmentStatus\":\"EMPLOYEE\","
            + "\"sector\":\"GARMENT\",\"wage\":{\"amount\":852800,\"currency\":\"KHR\"},\"employmentStart\":\"2019-01-07\",\"enterpriseWorkers\":850,"
            + "\"history\":[{\"from\":\"2019-01\",\"to\":\"2025-05\",\"declaredWage\":{\"amount\":852800,\"currency\":\"KHR\"},\"paid\":true,\"schemes\":[]}],"
            + "\"events\":[{\"type\":\"CHILDBIRTH\",\"date\":\"2025-06-02\",\"babies\":1,\"pregnancyWeeks\":39,\"notifiedOn\":\"2025-02-01\"}],\"dependants\":[]}";

    static String waitForLetter() {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector("article.letter, #error")).isEmpty());
        return browser.findElement(By.tagName("body")).getText();
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Test
    void page_english_factsInLetterOut_withHerMaternityTotals() {
        browser.get(server.uri().resolve("/?lang=en").toString());
        fillSokha();
        browser.findElement(By.id("submit")).click();
        String letter = waitForLetter();

        // the same facts through the library: the page shows its amounts and their sum
        Assessment a = engine.assess(AssessmentRequest.of(NssfJson.readProfile(SOKHA), LocalDate.of(2025, 6, 30)), Locale.ENGLISH);
        Decision nssf = a.decisions().stream().filter(d -> d.benefit() == Benefit.MATERNITY_ALLOWANCE).findFirst().orElseThrow();
        Decision employer = a.decisions().stream().filter(d -> d.benefit() == Benefit.EMPLOYER_MATERNITY_PAY).findFirst().orElseThrow();
        assertThat(nssf.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(employer.outcome()).isEqualTo(Outcome.ELIGIBLE);
        long fromNssf = nssf.entitlement().amount() * nssf.entitlement().durationDays();
        long fromEmployer = Math.round(employer.entitlement().amount() * (employer.entitlement().durationDays() / 30.0));

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(letter).contains("What you get", "What to do next", "Your maternity income in all: " + grouped(fromNssf + fromEmployer) + " riel",
                "NSSF pays " + grouped(fromNssf) + " riel", "your employer pays about " + grouped(fromEmployer) + " riel", "1286");
        assertThat(letter).doesNotContain("HC-MAT", "health_care.", "Exception");
        assertThat(letter.indexOf("What you get")).isLessThan(letter.indexOf("Not in force"));
    }

    @Test
    void page_khmer_formAndLetterInKhmer_inAKhmerFont_andPrintsOnA4() {
        browser.get(server.uri().resolve("/?lang=km").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ប.ស.ស.");
        fillSokha();
        browser.findElement(By.id("submit")).click();
        String letter = waitForLetter();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("km");
        assertThat(letter).contains("អ្វីដែលអ្នកទទួលបាន", "ប្រាក់បំណាច់មាតុភាព", "1286");

        JavascriptExecutor js = browser;
        String family = (String) js.executeScript("return getComputedStyle(document.querySelector('article.letter')).fontFamily");
        assertThat(family).contains("Khmer OS");
        Boolean installed = (Boolean) js.executeScript("return document.fonts.check('16px \"Khmer OS\"', 'ប.ស.ស.')");
        assertThat(installed).as("a Khmer font is installed (" + INSTALL + ")").isTrue();

        PrintOptions print = new PrintOptions();
        print.setPageSize(new PageSize(29.7, 21.0)); // A4, in centimetres
        Pdf pdf = browser.print(print);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF");
        long pages = text.split("/Type\\s*/Page[^s]", -1).length - 1;
        assertThat(pages).as("the letter without details prints on one or two A4 pages").isBetween(1L, 2L);
    }

    @Test
    void page_aMistake_isShownAsOneLineWithTheField_notAStackTrace() {
        browser.get(server.uri().resolve("/").toString());
        fillSokha();
        set("e0.pregnancyWeeks", "many"); // a date picker would refuse a bad date itself; a text field does not
        browser.findElement(By.id("submit")).click();
        String page = waitForLetter();
        assertThat(browser.findElement(By.id("error")).getText()).contains("$.events[0].pregnancyWeeks");
        assertThat(page).doesNotContain("Exception", "at org.");
    }

    @Test
    void page_pastedJson_replacesTheFields() {
        browser.get(server.uri().resolve("/").toString());
        set("asOf", "2025-06-30");
        set("profileJson", SOKHA.replace("sokha", "pasted-profile"));
        browser.findElement(By.id("submit")).click();
        assertThat(waitForLetter()).contains("pasted-profile", "Your maternity income in all");
    }
}
