// Under LeakSanitizer (the sanitizer CI run), fontconfig's process-lifetime caches show up as
// leaks at exit: Qt never calls FcFini(). They are not ours; LSan reads this hook (a weak symbol
// it declares) and ignores them. Without a sanitizer the function is simply unused.
extern "C" const char* __lsan_default_suppressions();

extern "C" const char* __lsan_default_suppressions() {
    return "leak:libfontconfig.so\n";
}
