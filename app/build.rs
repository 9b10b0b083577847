// `sqlx::migrate!` embeds the migrations at compile time: rebuild when one is added or changed
// (cargo does not know the macro reads those folders).
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
