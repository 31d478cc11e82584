package io.lanyard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

class HeadlessChromeTest {

    @Test
    void startsDebianChromiumHeadlessAndRendersAPage(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), "<html><body><h1 id=t>Lanyard</h1></body></html>");
        WebDriver driver = HeadlessChrome.start();
        try {
            driver.get(page.toUri().toString());

            assertThat(driver.findElement(By.id("t")).getText()).isEqualTo("Lanyard");
            assertThat(HeadlessChrome.screenshot(driver, dir.resolve("shot.png"))).isNotEmptyFile();
        } finally {
            driver.quit();
        }
    }
}
