// Shared by the verify.groovy of builds that check an image's content (evaluate(new File(itSources,
// 'image-entries.groovy'))): every text entry of an image file by its name, read once.
imageEntries = { File image ->
    def zip = new java.util.zip.ZipFile(image)
    try {
        zip.entries().toList().collectEntries { [(it.name): zip.getInputStream(it).getText('UTF-8')] }
    } finally {
        zip.close()
    }
}
