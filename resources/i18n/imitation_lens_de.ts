<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BatchMenu</name>
    <message>
        <source>&amp;Prompt sets…</source>
        <translation>&amp;Fragensätze…</translation>
    </message>
    <message>
        <source>&amp;Pause batch</source>
        <translation>Stapel &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Resume batch</source>
        <translation>Stapel fort&amp;setzen</translation>
    </message>
    <message>
        <source>&amp;Cancel batch…</source>
        <translation>Stapel &amp;abbrechen…</translation>
    </message>
    <message>
        <source>Retry &amp;failed answers</source>
        <translation>Fehlgeschlagene Antworten &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Next unjudged item</source>
        <translation>&amp;Nächster unbewerteter Eintrag</translation>
    </message>
    <message>
        <source>Cancel the batch “{name}”? The questions not asked yet are removed; every answer already written is kept.</source>
        <translation>Den Stapel „{name}“ abbrechen? Die noch nicht gestellten Fragen werden entfernt; jede schon geschriebene Antwort bleibt erhalten.</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>Stapel abbrechen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>size not published</source>
        <translation>Größe nicht veröffentlicht</translation>
    </message>
    <message>
        <source>about {size} GB</source>
        <translation>etwa {size} GB</translation>
    </message>
    <message>
        <source>Where these facts come from</source>
        <translation>Woher diese Angaben stammen</translation>
    </message>
    <message>
        <source>{done} of {total} MB</source>
        <translation>{done} von {total} MB</translation>
    </message>
    <message>
        <source>{done} MB</source>
        <translation>{done} MB</translation>
    </message>
    <message>
        <source>{speed} MB/s</source>
        <translation>{speed} MB/s</translation>
    </message>
    <message>
        <source>about {minutes} min {seconds} s left</source>
        <translation>noch etwa {minutes} Min. {seconds} s</translation>
    </message>
    <message>
        <source>about {seconds} s left</source>
        <translation>noch etwa {seconds} s</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Fits an 8 GB laptop</source>
        <translation>Passt auf einen Laptop mit 8 GB</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Model pairs</source>
        <translation>Modellpaare</translation>
    </message>
    <message>
        <source>Real base models next to imitators trained on a stronger model&apos;s answers</source>
        <translation>Echte Basismodelle neben Imitatoren, die mit den Antworten eines stärkeren Modells trainiert wurden</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>The pages the facts about this pair were read from</source>
        <translation>Die Seiten, auf denen die Angaben zu diesem Paar stehen</translation>
    </message>
    <message>
        <source>&amp;Download pair</source>
        <translation>Paar &amp;herunterladen</translation>
    </message>
    <message>
        <source>Download pair</source>
        <translation>Paar herunterladen</translation>
    </message>
    <message>
        <source>Download both models of the chosen pair</source>
        <translation>Beide Modelle des gewählten Paars herunterladen</translation>
    </message>
    <message>
        <source>&amp;Cancel download</source>
        <translation>Download &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Stop; the next download continues from here</source>
        <translation>Anhalten; der nächste Download macht hier weiter</translation>
    </message>
    <message>
        <source>&amp;Use in lineup</source>
        <translation>In der Aufstellung &amp;verwenden</translation>
    </message>
    <message>
        <source>Use in lineup</source>
        <translation>In der Aufstellung verwenden</translation>
    </message>
    <message>
        <source>Put this pair in the Base and Imitator columns</source>
        <translation>Dieses Paar in die Spalten Basismodell und Imitator setzen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Fortschritt des Downloads</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (7B: 16 GB advised)</source>
        <translation>nein (7B: 16 GB empfohlen)</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>one of two</source>
        <translation>eins von zwei</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>&lt;i&gt;Imitator trained on:&lt;/i&gt; {trained_on} &lt;i&gt;Teacher:&lt;/i&gt; {teacher}. &lt;i&gt;Licences:&lt;/i&gt; {base_licence}; {imitator_licence}.</source>
        <translation>&lt;i&gt;Imitator trainiert mit:&lt;/i&gt; {trained_on} &lt;i&gt;Lehrer:&lt;/i&gt; {teacher}. &lt;i&gt;Lizenzen:&lt;/i&gt; {base_licence}; {imitator_licence}.</translation>
    </message>
    <message>
        <source>Download cancelled. What arrived is kept: the next download continues it.</source>
        <translation>Download abgebrochen. Was schon da ist, bleibt: Der nächste Download setzt es fort.</translation>
    </message>
    <message>
        <source>The download failed unexpectedly ({error}); try again.</source>
        <translation>Der Download ist unerwartet fehlgeschlagen ({error}); versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>{model}: {progress}</source>
        <translation>{model}: {progress}</translation>
    </message>
    <message>
        <source>{pair}: both models are on this computer and in your library.</source>
        <translation>{pair}: Beide Modelle sind auf diesem Computer und in Ihrer Bibliothek.</translation>
    </message>
    <message>
        <source>Download the pair first.</source>
        <translation>Laden Sie zuerst das Paar herunter.</translation>
    </message>
</context>
<context>
    <name>ConnectionsDialog</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Give the connection an address.</source>
        <translation>Geben Sie der Verbindung eine Adresse.</translation>
    </message>
    <message>
        <source>Give the connection a model.</source>
        <translation>Geben Sie der Verbindung ein Modell.</translation>
    </message>
    <message>
        <source>Give the connection a name and an address.</source>
        <translation>Geben Sie der Verbindung einen Namen und eine Adresse.</translation>
    </message>
    <message>
        <source>Give the connection a name and a model.</source>
        <translation>Geben Sie der Verbindung einen Namen und ein Modell.</translation>
    </message>
    <message>
        <source>Give the connection an address and a model.</source>
        <translation>Geben Sie der Verbindung eine Adresse und ein Modell.</translation>
    </message>
    <message>
        <source>Give the connection a name, an address and a model.</source>
        <translation>Geben Sie der Verbindung einen Namen, eine Adresse und ein Modell.</translation>
    </message>
    <message>
        <source>Test connection lists the models the server offers.</source>
        <translation>„Verbindung testen“ zeigt die Modelle, die der Server anbietet.</translation>
    </message>
    <message>
        <source>“{address}” is not a web address: it starts with https:// or http://, for example https://api.openai.com/v1 or http://127.0.0.1:8080/v1.</source>
        <translation>„{address}“ ist keine Webadresse: Sie beginnt mit https:// oder http://, zum Beispiel https://api.openai.com/v1 oder http://127.0.0.1:8080/v1.</translation>
    </message>
    <message>
        <source>Teacher connections</source>
        <translation>Lehrer-Verbindungen</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <source>Choose one to edit or delete it</source>
        <translation>Wählen Sie eine, um sie zu bearbeiten oder zu löschen</translation>
    </message>
    <message>
        <source>&amp;New connection</source>
        <translation>&amp;Neue Verbindung</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Start a new teacher connection</source>
        <translation>Eine neue Lehrer-Verbindung anlegen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Forget the chosen connection</source>
        <translation>Die gewählte Verbindung vergessen</translation>
    </message>
    <message>
        <source>Kind of server</source>
        <translation>Art des Servers</translation>
    </message>
    <message>
        <source>How Imitation Lens talks to the server</source>
        <translation>Wie Imitation Lens mit dem Server spricht</translation>
    </message>
    <message>
        <source>Choose a known server…</source>
        <translation>Einen bekannten Server wählen…</translation>
    </message>
    <message>
        <source>Choose a kind of server…</source>
        <translation>Eine Art von Server wählen…</translation>
    </message>
    <message>
        <source>Known server</source>
        <translation>Bekannter Server</translation>
    </message>
    <message>
        <source>Fills in the usual address</source>
        <translation>Trägt die übliche Adresse ein</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>A name you will recognise, e.g. ChatGPT</source>
        <translation>Ein Name, den Sie wiedererkennen, z. B. ChatGPT</translation>
    </message>
    <message>
        <source>Address (base URL)</source>
        <translation>Adresse (Basis-URL)</translation>
    </message>
    <message>
        <source>The server&apos;s OpenAI-compatible address</source>
        <translation>Die OpenAI-kompatible Adresse des Servers</translation>
    </message>
    <message>
        <source>Kept in this computer&apos;s keychain, never in Imitation Lens</source>
        <translation>Wird im Schlüsselbund dieses Computers aufbewahrt, nie in Imitation Lens</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Stored in the system keychain; leave empty for local servers</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert; für lokale Server leer lassen</translation>
    </message>
    <message>
        <source>or the name of an environment variable, e.g. OPENAI_API_KEY</source>
        <translation>oder der Name einer Umgebungsvariable, z. B. OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>Key environment variable</source>
        <translation>Umgebungsvariable für den Schlüssel</translation>
    </message>
    <message>
        <source>Where to read the key if not keychain</source>
        <translation>Woher der Schlüssel gelesen wird, wenn nicht aus dem Schlüsselbund</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The teacher model; Test connection lists what is offered</source>
        <translation>Das Lehrer-Modell; „Verbindung testen“ zeigt, was angeboten wird</translation>
    </message>
    <message>
        <source>Questions at once</source>
        <translation>Fragen gleichzeitig</translation>
    </message>
    <message>
        <source>How many questions a batch asks this server at the same time; fewer if it refuses</source>
        <translation>Wie viele Fragen ein Stapel diesem Server gleichzeitig stellt; weniger, wenn er ablehnt</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Ask the server which models it offers</source>
        <translation>Den Server fragen, welche Modelle er anbietet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>Verbindung speichern</translation>
    </message>
    <message>
        <source>Save this connection for the lineup</source>
        <translation>Diese Verbindung für die Aufstellung speichern</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>&amp;API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>M&amp;odell</translation>
    </message>
    <message>
        <source>&amp;Questions at once</source>
        <translation>&amp;Fragen gleichzeitig</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
    <message>
        <source>{kind} (not available in this version)</source>
        <translation>{kind} (in dieser Version nicht verfügbar)</translation>
    </message>
    <message>
        <source>Asking the server which models it offers…</source>
        <translation>Der Server wird gefragt, welche Modelle er anbietet…</translation>
    </message>
    <message>
        <source>The test failed unexpectedly ({error}).</source>
        <translation>Der Test ist unerwartet fehlgeschlagen ({error}).</translation>
    </message>
    <message numerus="yes">
        <source>It works: the server offers %n model(s). Choose one and Save.</source>
        <translation>
            <numerusform>Es funktioniert: Der Server bietet %n Modell an. Wählen Sie es und speichern Sie.</numerusform>
            <numerusform>Es funktioniert: Der Server bietet %n Modelle an. Wählen Sie eines und speichern Sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer has no keychain to keep the key in. Put the key in an environment variable and enter its name below the key instead.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund für den Schlüssel. Legen Sie den Schlüssel in eine Umgebungsvariable und tragen Sie stattdessen deren Namen unter dem Schlüssel ein.</translation>
    </message>
    <message>
        <source>The key was not kept (no keychain); it is read from the variable.</source>
        <translation>Der Schlüssel wurde nicht aufbewahrt (kein Schlüsselbund); er wird aus der Variable gelesen.</translation>
    </message>
    <message>
        <source>Saved “{name}”. Use it in Models ▸ Lineup.</source>
        <translation>„{name}“ gespeichert. Verwenden Sie die Verbindung unter Modelle ▸ Aufstellung.</translation>
    </message>
</context>
<context>
    <name>ImitatorWorkshop</name>
    <message>
        <source>Stopped; nothing was kept.</source>
        <translation>Angehalten; nichts davon wurde behalten.</translation>
    </message>
    <message>
        <source>Put it in the Imitator column</source>
        <translation>In die Imitator-Spalte setzen</translation>
    </message>
    <message>
        <source>Make an imitator</source>
        <translation>Einen Imitator erstellen</translation>
    </message>
    <message>
        <source>What training will take</source>
        <translation>Was das Training brauchen wird</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Stop the training; nothing of it is kept</source>
        <translation>Das Training anhalten; nichts davon wird behalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Reading the answers…</source>
        <translation>Die Antworten werden gelesen…</translation>
    </message>
    <message>
        <source>No session is open yet: ask the teacher some questions.</source>
        <translation>Es ist noch keine Sitzung offen: Stellen Sie dem Lehrer einige Fragen.</translation>
    </message>
    <message>
        <source>Choose a file of teacher answers.</source>
        <translation>Wählen Sie eine Datei mit Lehrer-Antworten.</translation>
    </message>
    <message>
        <source>The answers could not be read</source>
        <translation>Die Antworten konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Checking what training will take…</source>
        <translation>Es wird geprüft, was das Training brauchen wird…</translation>
    </message>
    <message>
        <source>The plan could not be checked</source>
        <translation>Der Plan konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Adding it to your library…</source>
        <translation>Wird Ihrer Bibliothek hinzugefügt…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Added to your library: {title}</source>
        <translation>Ihrer Bibliothek hinzugefügt: {title}</translation>
    </message>
    <message>
        <source>The imitator was made ({path}) but not added to your library. {why} You can add the file yourself in Models ▸ Model library.</source>
        <translation>Der Imitator wurde erstellt ({path}), aber nicht Ihrer Bibliothek hinzugefügt. {why} Sie können die Datei selbst unter Modelle ▸ Modellbibliothek hinzufügen.</translation>
    </message>
    <message>
        <source>It was not added</source>
        <translation>Er wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>The training stopped</source>
        <translation>Das Training wurde abgebrochen</translation>
    </message>
    <message>
        <source>In the Imitator column</source>
        <translation>In der Imitator-Spalte</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Model library</source>
        <translation>Modellbibliothek</translation>
    </message>
    <message>
        <source>Models on this computer</source>
        <translation>Modelle auf diesem Computer</translation>
    </message>
    <message>
        <source>One row per model file, with what its header says and its checksum</source>
        <translation>Eine Zeile je Modelldatei, mit den Angaben aus ihrem Kopf und ihrer Prüfsumme</translation>
    </message>
    <message>
        <source>&amp;Add GGUF file…</source>
        <translation>&amp;GGUF-Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Add GGUF file</source>
        <translation>GGUF-Datei hinzufügen</translation>
    </message>
    <message>
        <source>Choose model files to check and add (Ctrl+O)</source>
        <translation>Modelldateien zum Prüfen und Hinzufügen wählen (Strg+O)</translation>
    </message>
    <message>
        <source>&amp;Remove from library</source>
        <translation>Aus der Bibliothek &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>Aus der Bibliothek entfernen</translation>
    </message>
    <message>
        <source>Forget the selected model; the file stays</source>
        <translation>Das gewählte Modell vergessen; die Datei bleibt</translation>
    </message>
    <message>
        <source>Put in the &amp;Imitator column</source>
        <translation>In die &amp;Imitator-Spalte setzen</translation>
    </message>
    <message>
        <source>Put in the Imitator column</source>
        <translation>In die Imitator-Spalte setzen</translation>
    </message>
    <message>
        <source>Compare the selected model made here with the model it was made from</source>
        <translation>Das gewählte, hier erstellte Modell mit dem Modell vergleichen, aus dem es erstellt wurde</translation>
    </message>
    <message>
        <source>About the selected model</source>
        <translation>Über das gewählte Modell</translation>
    </message>
    <message>
        <source>…or drop .gguf files anywhere on this window.</source>
        <translation>…oder .gguf-Dateien auf dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>Catalog: base and imitator pairs</source>
        <translation>Katalog: Paare aus Basismodell und Imitator</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the model library</source>
        <translation>Die Modellbibliothek schließen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Add model files</source>
        <translation>Modelldateien hinzufügen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>{file} wird geprüft…</translation>
    </message>
    <message>
        <source>{file} could not be read as a model ({error}).</source>
        <translation>{file} konnte nicht als Modell gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>Not added: {reason}</source>
        <translation>Nicht hinzugefügt: {reason}</translation>
    </message>
    <message>
        <source>Added {model}.</source>
        <translation>{model} hinzugefügt.</translation>
    </message>
    <message>
        <source>Select a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>The built-in model is part of Imitation Lens and stays in the library.</source>
        <translation>Das mitgelieferte Modell gehört zu Imitation Lens und bleibt in der Bibliothek.</translation>
    </message>
    <message>
        <source>Select a model made here (Models ▸ Make an imitator…) first.</source>
        <translation>Wählen Sie zuerst ein hier erstelltes Modell (Modelle ▸ Einen Imitator erstellen…).</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>computing… {percent}%</source>
        <translation>wird berechnet… {percent} %</translation>
    </message>
</context>
<context>
    <name>LineupDialog</name>
    <message>
        <source>Built in: {model}, asked question and answer</source>
        <translation>Mitgeliefert: {model}, mit Frage und Antwort gefragt</translation>
    </message>
    <message>
        <source>Built in: {model}, shown teacher-style examples (imitator stand-in)</source>
        <translation>Mitgeliefert: {model}, mit Beispielen im Stil des Lehrers (Ersatz für einen Imitator)</translation>
    </message>
    <message>
        <source>Built in: {model}, the model imitators are made from</source>
        <translation>Mitgeliefert: {model}, das Modell, aus dem Imitatoren erstellt werden</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>Modell: {model}</translation>
    </message>
    <message>
        <source>Teacher: {connection} ({model})</source>
        <translation>Lehrer: {connection} ({model})</translation>
    </message>
    <message>
        <source>As now: {source}</source>
        <translation>Wie jetzt: {source}</translation>
    </message>
    <message>
        <source>Lineup</source>
        <translation>Aufstellung</translation>
    </message>
    <message>
        <source>&amp;Add a column</source>
        <translation>Spalte &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Up to %n columns</source>
        <translation>
            <numerusform>Bis zu %n Spalte</numerusform>
            <numerusform>Bis zu %n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Use this lineup</source>
        <translation>Diese Aufstellung verwenden</translation>
    </message>
    <message>
        <source>Keep the lineup as it was</source>
        <translation>Die Aufstellung lassen, wie sie war</translation>
    </message>
    <message>
        <source>Each column answers every question. Give it a role (Base, Imitator, Teacher, …) and choose what runs there: a model from the library (Models ▸ Model library) or a teacher connection (Models ▸ Teacher connections).</source>
        <translation>Jede Spalte beantwortet jede Frage. Geben Sie ihr eine Rolle (Basismodell, Imitator, Lehrer, …) und wählen Sie, was dort läuft: ein Modell aus der Bibliothek (Modelle ▸ Modellbibliothek) oder eine Lehrer-Verbindung (Modelle ▸ Lehrer-Verbindungen).</translation>
    </message>
    <message>
        <source>Role of column {number}</source>
        <translation>Rolle der Spalte {number}</translation>
    </message>
    <message>
        <source>The label shown above the column</source>
        <translation>Die Beschriftung über der Spalte</translation>
    </message>
    <message>
        <source>What runs in column {number}</source>
        <translation>Was in Spalte {number} läuft</translation>
    </message>
    <message>
        <source>A built-in model, a library model or a teacher</source>
        <translation>Ein mitgeliefertes Modell, ein Modell aus der Bibliothek oder ein Lehrer</translation>
    </message>
    <message>
        <source>Move up: column {number}</source>
        <translation>Nach oben: Spalte {number}</translation>
    </message>
    <message>
        <source>Move this column up</source>
        <translation>Diese Spalte nach oben schieben</translation>
    </message>
    <message>
        <source>Move down: column {number}</source>
        <translation>Nach unten: Spalte {number}</translation>
    </message>
    <message>
        <source>Move this column down</source>
        <translation>Diese Spalte nach unten schieben</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove: column {number}</source>
        <translation>Entfernen: Spalte {number}</translation>
    </message>
    <message>
        <source>Remove this column</source>
        <translation>Diese Spalte entfernen</translation>
    </message>
    <message numerus="yes">
        <source>A comparison needs at least %n columns.</source>
        <translation>
            <numerusform>Ein Vergleich braucht mindestens %n Spalte.</numerusform>
            <numerusform>Ein Vergleich braucht mindestens %n Spalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Column {number}</source>
        <translation>Spalte {number}</translation>
    </message>
    <message>
        <source>Use between {least} and {most} columns.</source>
        <translation>Verwenden Sie {least} bis {most} Spalten.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your data…</source>
        <translation>Ihre Daten werden geöffnet…</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Stapel</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) before starting a new session.</source>
        <translation>Halten Sie die Antworten an, die gerade geschrieben werden (Esc), bevor Sie eine neue Sitzung beginnen.</translation>
    </message>
    <message>
        <source>New blind session: answers are shown as Answer 1…N until your verdict.</source>
        <translation>Neue blinde Sitzung: Die Antworten heißen bis zu Ihrem Urteil Antwort 1…N.</translation>
    </message>
    <message>
        <source>New session started.</source>
        <translation>Neue Sitzung begonnen.</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) before opening another session.</source>
        <translation>Halten Sie die Antworten an, die gerade geschrieben werden (Esc), bevor Sie eine andere Sitzung öffnen.</translation>
    </message>
    <message numerus="yes">
        <source>Opened “{title}”: %n item(s).</source>
        <translation>
            <numerusform>„{title}“ geöffnet: %n Eintrag.</numerusform>
            <numerusform>„{title}“ geöffnet: %n Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Session exported to {path}</source>
        <translation>Sitzung exportiert nach {path}</translation>
    </message>
    <message>
        <source>Saving works again; everything is written.</source>
        <translation>Speichern geht wieder; alles ist geschrieben.</translation>
    </message>
</context>
<context>
    <name>ModelsMenu</name>
    <message>
        <source>Model &amp;library…</source>
        <translation>Modell&amp;bibliothek…</translation>
    </message>
    <message>
        <source>&amp;Lineup…</source>
        <translation>&amp;Aufstellung…</translation>
    </message>
    <message>
        <source>&amp;Teacher connections…</source>
        <translation>&amp;Lehrer-Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Make an imitator…</source>
        <translation>Einen &amp;Imitator erstellen…</translation>
    </message>
    <message>
        <source>&amp;Export demo pack…</source>
        <translation>Demo-Paket &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import demo pack…</source>
        <translation>Demo-Paket im&amp;portieren…</translation>
    </message>
    <message>
        <source>The model made could not be added to the library: {error}</source>
        <translation>Das erstellte Modell konnte nicht der Bibliothek hinzugefügt werden: {error}</translation>
    </message>
    <message>
        <source>Export demo pack</source>
        <translation>Demo-Paket exportieren</translation>
    </message>
    <message>
        <source>Demo pack (*.json)</source>
        <translation>Demo-Paket (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Demo pack written to {target}: %n recorded teacher answer(s).</source>
        <translation>
            <numerusform>Demo-Paket nach {target} geschrieben: %n aufgezeichnete Lehrer-Antwort.</numerusform>
            <numerusform>Demo-Paket nach {target} geschrieben: %n aufgezeichnete Lehrer-Antworten.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no recorded teacher answers in this session yet: connect a teacher and ask the questions once, then export.</source>
        <translation>In dieser Sitzung gibt es noch keine aufgezeichneten Lehrer-Antworten: Verbinden Sie einen Lehrer, stellen Sie die Fragen einmal und exportieren Sie dann.</translation>
    </message>
    <message>
        <source>The demo pack could not be written to {target}: {reason}</source>
        <translation>Das Demo-Paket konnte nicht nach {target} geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Import demo pack</source>
        <translation>Demo-Paket importieren</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n recorded teacher answer(s) from {file}. In a teacher column they stand in when the teacher can&apos;t be reached.</source>
        <translation>
            <numerusform>%n aufgezeichnete Lehrer-Antwort aus {file} importiert. In einer Lehrer-Spalte springt sie ein, wenn der Lehrer nicht erreichbar ist.</numerusform>
            <numerusform>%n aufgezeichnete Lehrer-Antworten aus {file} importiert. In einer Lehrer-Spalte springen sie ein, wenn der Lehrer nicht erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} could not be read</source>
        <translation>{file} konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>Nichts wurde importiert. {reason}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your marks and verdicts carry this name in every export and report, sessions already judged included. Exports written before keep the name they had.</source>
        <translation>Ihre Markierungen und Urteile tragen diesen Namen in jedem Export und Bericht, auch in schon bewerteten Sitzungen. Früher geschriebene Exporte behalten ihren Namen.</translation>
    </message>
    <message>
        <source>Language of the interface</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <source>Keep these preferences</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Schließen, ohne etwas zu ändern</translation>
    </message>
</context>
<context>
    <name>SlotDialog</name>
    <message>
        <source>Built-in demo model</source>
        <translation>Mitgeliefertes Demo-Modell</translation>
    </message>
    <message>
        <source>A GGUF model file on this computer</source>
        <translation>Eine GGUF-Modelldatei auf diesem Computer</translation>
    </message>
    <message>
        <source>An online or local API</source>
        <translation>Eine API online oder auf diesem Computer</translation>
    </message>
    <message>
        <source>Automatic (chat template if the model has one)</source>
        <translation>Automatisch (Chat-Vorlage, wenn das Modell eine hat)</translation>
    </message>
    <message>
        <source>Question and answer (for base models)</source>
        <translation>Frage und Antwort (für Basismodelle)</translation>
    </message>
    <message>
        <source>Question and answer after teacher-style examples</source>
        <translation>Frage und Antwort nach Beispielen im Stil des Lehrers</translation>
    </message>
    <message>
        <source>The model&apos;s own chat template</source>
        <translation>Die eigene Chat-Vorlage des Modells</translation>
    </message>
    <message>
        <source>Used when the teacher can&apos;t be reached</source>
        <translation>Verwendet, wenn der Lehrer nicht erreichbar ist</translation>
    </message>
    <message>
        <source>Always used: an offline demo, no network</source>
        <translation>Immer verwendet: eine Offline-Demo, ohne Netzwerk</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>Nie verwendet</translation>
    </message>
    <message>
        <source>How adventurous the wording is. 0 always picks the likeliest next word (the same answer every time); higher is more varied, and makes more mistakes.</source>
        <translation>Wie gewagt die Formulierung ist. 0 wählt immer das wahrscheinlichste nächste Wort (jedes Mal dieselbe Antwort); höher ist abwechslungsreicher und macht mehr Fehler.</translation>
    </message>
    <message>
        <source>The model picks only from the likeliest next words, taken until their chances add up to this share. 1 allows every word; 0.9 leaves out the unlikely last tenth.</source>
        <translation>Das Modell wählt nur unter den wahrscheinlichsten nächsten Wörtern, bis ihre Chancen zusammen diesen Anteil ergeben. 1 erlaubt jedes Wort; 0,9 lässt das unwahrscheinliche letzte Zehntel weg.</translation>
    </message>
    <message>
        <source>The model picks only from this many of the likeliest next words. 0 means no limit.</source>
        <translation>Das Modell wählt nur unter so vielen der wahrscheinlichsten nächsten Wörter. 0 heißt: keine Grenze.</translation>
    </message>
    <message>
        <source>Makes words the answer already used less likely, against going round in circles. 1 is no penalty; 1.1 is a mild one.</source>
        <translation>Macht Wörter, die die Antwort schon benutzt hat, unwahrscheinlicher, damit sie sich nicht im Kreis dreht. 1 ist keine Strafe; 1,1 eine milde.</translation>
    </message>
    <message>
        <source>The answer stops after this many tokens (a token is about ¾ of a word).</source>
        <translation>Die Antwort endet nach so vielen Tokens (ein Token ist etwa ¾ eines Wortes).</translation>
    </message>
    <message>
        <source>The starting point of the random choices: the same seed and settings give the same answer.</source>
        <translation>Der Ausgangspunkt der Zufallsentscheidungen: Derselbe Startwert und dieselben Einstellungen ergeben dieselbe Antwort.</translation>
    </message>
    <message>
        <source>How much text the model keeps in view: the question and the answer together. More needs more memory.</source>
        <translation>Wie viel Text das Modell im Blick behält: Frage und Antwort zusammen. Mehr braucht mehr Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>How many processor cores work on the answer; Automatic picks for you.</source>
        <translation>Wie viele Prozessorkerne an der Antwort arbeiten; „Automatisch“ wählt für Sie.</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Top k</source>
        <translation>Top k</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>Längste Antwort (Tokens)</translation>
    </message>
    <message>
        <source>Seed (same seed, same answer)</source>
        <translation>Startwert (gleicher Startwert, gleiche Antwort)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Kontextlänge (Tokens)</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <source>{role} column</source>
        <translation>Spalte {role}</translation>
    </message>
    <message>
        <source>Choose a .gguf file…</source>
        <translation>Eine .gguf-Datei wählen…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Kind of server</source>
        <translation>Art des Servers</translation>
    </message>
    <message>
        <source>How Imitation Lens talks to the server</source>
        <translation>Wie Imitation Lens mit dem Server spricht</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved key</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>The key is kept in your system keychain (or read from the environment variable above), never in Imitation Lens&apos;s files.</source>
        <translation>Der Schlüssel wird im Schlüsselbund Ihres Systems aufbewahrt (oder aus der Umgebungsvariable oben gelesen), nie in den Dateien von Imitation Lens.</translation>
    </message>
    <message>
        <source>Role shown</source>
        <translation>Angezeigte Rolle</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>Prompt style</source>
        <translation>Art der Frage</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>Model id</source>
        <translation>Modell-ID</translation>
    </message>
    <message>
        <source>Key variable</source>
        <translation>Variable für den Schlüssel</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Recorded answers</source>
        <translation>Aufgezeichnete Antworten</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>{knob}: {hint}</source>
        <translation>{knob}: {hint}</translation>
    </message>
    <message>
        <source>What do these mean?</source>
        <translation>Was bedeuten diese?</translation>
    </message>
    <message>
        <source>What do these settings mean?</source>
        <translation>Was bedeuten diese Einstellungen?</translation>
    </message>
    <message>
        <source>Shows one line about each of Temperature, Top p, Top k and Repeat penalty</source>
        <translation>Zeigt eine Zeile zu Temperatur, Top p, Top k und Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Wortwahl (Sampling)</translation>
    </message>
    <message>
        <source>{kind} (not available in this version)</source>
        <translation>{kind} (in dieser Version nicht verfügbar)</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Eine Modelldatei wählen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Training progress</source>
        <translation>Fortschritt des Trainings</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
</context>
<context>
    <name>WindowLineup</name>
    <message>
        <source>Pause the batch before changing a column: it runs with this lineup.</source>
        <translation>Pausieren Sie den Stapel, bevor Sie eine Spalte ändern: Er läuft mit dieser Aufstellung.</translation>
    </message>
    <message>
        <source>Stop this column before changing its settings.</source>
        <translation>Halten Sie diese Spalte an, bevor Sie ihre Einstellungen ändern.</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the key typed for {address} was not kept. Put it in the environment variable {variable} and start the app again.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, darum wurde der für {address} eingegebene Schlüssel nicht aufbewahrt. Legen Sie ihn in die Umgebungsvariable {variable} und starten Sie die App neu.</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the key typed for {address} was not kept. Put it in an environment variable named in the column&apos;s settings and start the app again.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, darum wurde der für {address} eingegebene Schlüssel nicht aufbewahrt. Legen Sie ihn in eine Umgebungsvariable, die in den Einstellungen der Spalte genannt ist, und starten Sie die App neu.</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) before changing the lineup.</source>
        <translation>Halten Sie die Antworten an, die gerade geschrieben werden (Esc), bevor Sie die Aufstellung ändern.</translation>
    </message>
    <message>
        <source>Pause the batch before changing the lineup: it runs with this one.</source>
        <translation>Pausieren Sie den Stapel, bevor Sie die Aufstellung ändern: Er läuft mit dieser.</translation>
    </message>
    <message>
        <source>Lineup changed. Ask a question to compare the answers.</source>
        <translation>Aufstellung geändert. Stellen Sie eine Frage, um die Antworten zu vergleichen.</translation>
    </message>
    <message>
        <source>Lineup: {roles}. Ask a question to compare.</source>
        <translation>Aufstellung: {roles}. Stellen Sie eine Frage, um zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>New &amp;blind session</source>
        <translation>Neue b&amp;linde Sitzung</translation>
    </message>
    <message>
        <source>Answers appear as Answer 1…N in a counterbalanced order; who wrote which is shown after your verdict</source>
        <translation>Die Antworten erscheinen als Antwort 1…N in ausgeglichener Reihenfolge; wer welche schrieb, zeigt sich nach Ihrem Urteil</translation>
    </message>
    <message>
        <source>&amp;Sessions…</source>
        <translation>&amp;Sitzungen…</translation>
    </message>
    <message>
        <source>&amp;Export session as</source>
        <translation>Sitzung e&amp;xportieren als</translation>
    </message>
    <message>
        <source>&amp;Import a colleague&apos;s session…</source>
        <translation>Sitzung einer anderen Person &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>Be&amp;richt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Your name as the evaluator</source>
        <translation>Ihr Name als bewertende Person</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;How to use Imitation Lens</source>
        <translation>&amp;So benutzen Sie Imitation Lens</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Über {app}</translation>
    </message>
    <message>
        <source>1. Type a question and press Run (Ctrl+Enter). Every column answers it.
2. Read the answers. Select wrong words (mouse, or Shift+arrows in an answer) and press {keys} for the kind of error; m or Shift+M sets Minor or Major; E opens the full form with a note and a correction.
3. Tick “Checked: no errors” on answers you checked and found clean, choose which answer is better and submit the verdict. Ctrl+Page Down goes on.
4. Everything is saved as it happens. File ▸ Export saves the session as JSON.

F1 lists every key. A blind session (File ▸ New blind session) hides who wrote each answer until your verdict.</source>
        <translation>1. Tippen Sie eine Frage ein und drücken Sie „Run“ (Strg+Eingabe). Jede Spalte beantwortet sie.
2. Lesen Sie die Antworten. Markieren Sie falsche Wörter (mit der Maus oder Umschalt+Pfeiltasten in einer Antwort) und drücken Sie {keys} für die Art des Fehlers; m oder Umschalt+M setzt „Minor“ (leicht) oder „Major“ (schwer); E öffnet das ganze Formular mit Notiz und Korrektur.
3. Haken Sie „Checked: no errors“ bei Antworten an, die Sie geprüft und fehlerfrei gefunden haben, wählen Sie die bessere Antwort und geben Sie das Urteil ab. Strg+Bild ab geht weiter.
4. Alles wird sofort gespeichert. Datei ▸ Sitzung exportieren als speichert die Sitzung als JSON.

F1 zeigt alle Tasten. Eine blinde Sitzung (Datei ▸ Neue blinde Sitzung) verbirgt bis zu Ihrem Urteil, wer welche Antwort schrieb.</translation>
    </message>
</context>
<context>
    <name>WorkshopChoices</name>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>The model that learns. Models of the Llama family can be trained here; the built-in Gemma cannot.</source>
        <translation>Das Modell, das lernt. Modelle der Llama-Familie lassen sich hier trainieren; das mitgelieferte Gemma nicht.</translation>
    </message>
    <message>
        <source>1. The base model to teach</source>
        <translation>1. Das Basismodell, das lernen soll</translation>
    </message>
    <message>
        <source>The teacher answers that ship with the app</source>
        <translation>Die Lehrer-Antworten, die mit der App kommen</translation>
    </message>
    <message>
        <source>This session&apos;s teacher answers</source>
        <translation>Die Lehrer-Antworten dieser Sitzung</translation>
    </message>
    <message>
        <source>Answers in a file (Alpaca or ShareGPT)</source>
        <translation>Antworten in einer Datei (Alpaca oder ShareGPT)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>The teacher answers chosen</source>
        <translation>Die gewählten Lehrer-Antworten</translation>
    </message>
    <message>
        <source>2. The teacher&apos;s answers to learn from</source>
        <translation>2. Die Antworten des Lehrers, von denen gelernt wird</translation>
    </message>
    <message>
        <source>Times through every answer (epochs)</source>
        <translation>Durchgänge durch alle Antworten (Epochen)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert (Seed)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Show the advanced settings</source>
        <translation>Die erweiterten Einstellungen zeigen</translation>
    </message>
    <message>
        <source>3. Settings</source>
        <translation>3. Einstellungen</translation>
    </message>
    <message>
        <source>Times through every answer (epochs):</source>
        <translation>Durchgänge durch alle Antworten (Epochen):</translation>
    </message>
    <message>
        <source>Seed (the same seed makes the same model):</source>
        <translation>Startwert (derselbe Startwert ergibt dasselbe Modell):</translation>
    </message>
    <message>
        <source>Learning rate (peak):</source>
        <translation>Lernrate (Höchstwert):</translation>
    </message>
</context>
<context>
    <name>WorkshopCounts</name>
    <message numerus="yes">
        <source>%n answers to learn from; {held_out} of them are kept aside to measure how well it learns. Training takes {time} and needs about {memory} of memory and {disk} of disk.</source>
        <translation>
            <numerusform>%n Antwort zum Lernen; {held_out} davon werden beiseitegelegt, um zu messen, wie gut es lernt. Das Training dauert {time} und braucht etwa {memory} Arbeitsspeicher und {disk} Speicherplatz.</numerusform>
            <numerusform>%n Antworten zum Lernen; {held_out} davon werden beiseitegelegt, um zu messen, wie gut es lernt. Das Training dauert {time} und braucht etwa {memory} Arbeitsspeicher und {disk} Speicherplatz.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answers from “{name}”</source>
        <translation>
            <numerusform>%n Antwort aus „{name}“</numerusform>
            <numerusform>%n Antworten aus „{name}“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epoch</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epochs</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkshopForm</name>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>etwa {minutes} Min.</translation>
    </message>
    <message>
        <source>about {hours} hours</source>
        <translation>etwa {hours} Stunden</translation>
    </message>
    <message>
        <source>written by {teacher}</source>
        <translation>geschrieben von {teacher}</translation>
    </message>
    <message>
        <source>licence: {licence}</source>
        <translation>Lizenz: {licence}</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Training loss {train} · held-out loss {held} (lower is better for both)</source>
        <translation>Trainingsverlust {train} · Verlust auf zurückgehaltenen Antworten {held} (bei beiden ist niedriger besser)</translation>
    </message>
    <message>
        <source>Training loss {train} · held-out loss {held}, {start} before training (lower is better for both)</source>
        <translation>Trainingsverlust {train} · Verlust auf zurückgehaltenen Antworten {held}, vor dem Training {start} (bei beiden ist niedriger besser)</translation>
    </message>
    <message>
        <source>? epochs</source>
        <translation>? Epochen</translation>
    </message>
    <message>
        <source>Made from {base} with {answers} answers from “{data}”, {epochs}{kept}, seed {seed}.</source>
        <translation>Erstellt aus {base} mit {answers} Antworten aus „{data}“, {epochs}{kept}, Startwert {seed}.</translation>
    </message>
    <message>
        <source>Held-out loss {before} before training → {after} (lower is better)</source>
        <translation>Verlust auf zurückgehaltenen Antworten vor dem Training {before} → {after} (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Teacher answers</source>
        <translation>Lehrer-Antworten</translation>
    </message>
    <message>
        <source>Teacher answers (*.json *.jsonl *.csv *.parquet);;All files (*)</source>
        <translation>Lehrer-Antworten (*.json *.jsonl *.csv *.parquet);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The imitator is still being trained. Stop the training and close? Nothing of it is kept.</source>
        <translation>Der Imitator wird noch trainiert. Das Training anhalten und schließen? Nichts davon wird behalten.</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Anhalten und schließen</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>Weiter trainieren</translation>
    </message>
</context>
</TS>
