fn main() {
    std::process::exit(factcheck::run());
}
