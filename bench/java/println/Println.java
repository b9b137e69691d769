/** The smallest JVM program: prints one line and exits. Usage: {@code java -cp . Println}. */
public final class Println {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
