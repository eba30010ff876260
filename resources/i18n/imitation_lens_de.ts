<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>See side by side how a model fine-tuned on a stronger model&apos;s answers copies its style but not its knowledge.</source>
        <translation>Sehen Sie nebeneinander, wie ein Modell, das mit den Antworten eines stärkeren Modells feinabgestimmt wurde, dessen Stil übernimmt, aber nicht dessen Wissen.</translation>
    </message>
    <message>
        <source>Versions, licences and data folder</source>
        <translation>Versionen, Lizenzen und Datenordner</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
    <message>
        <source>Put the versions and licences on the clipboard, as text</source>
        <translation>Die Versionen und Lizenzen als Text in die Zwischenablage legen</translation>
    </message>
    <message>
        <source>Looking up the versions…</source>
        <translation>Die Versionen werden ermittelt…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <source>checked, no errors found</source>
        <translation>geprüft, keine Fehler gefunden</translation>
    </message>
    <message>
        <source>misses the question</source>
        <translation>verfehlt die Frage</translation>
    </message>
    <message>
        <source>wrong as a whole</source>
        <translation>insgesamt falsch</translation>
    </message>
    <message>
        <source>Redone: {action}.</source>
        <translation>Wiederhergestellt: {action}.</translation>
    </message>
    <message>
        <source>Undone: {action}. Ctrl+Shift+Z redoes it.</source>
        <translation>Rückgängig gemacht: {action}. Ctrl+Shift+Z stellt es wieder her.</translation>
    </message>
    <message>
        <source>This answer has no marks yet.</source>
        <translation>Diese Antwort hat noch keine Markierungen.</translation>
    </message>
    <message>
        <source>There is no answer here to judge yet.</source>
        <translation>Hier gibt es noch keine Antwort zu bewerten.</translation>
    </message>
    <message>
        <source>This answer is still being written. Mark it when it has finished.</source>
        <translation>Diese Antwort wird noch geschrieben. Markieren Sie sie, wenn sie fertig ist.</translation>
    </message>
    <message>
        <source>This answer has no text to mark.</source>
        <translation>Diese Antwort hat keinen Text zum Markieren.</translation>
    </message>
    <message>
        <source>Select the wrong words first (Shift+arrow keys, or drag with the mouse), then press {keys} for the kind of error.</source>
        <translation>Wählen Sie zuerst die falschen Wörter aus (Shift+Pfeiltasten oder mit der Maus ziehen) und drücken Sie dann {keys} für die Art des Fehlers.</translation>
    </message>
    <message>
        <source>mark “{quote}” as {mark}</source>
        <translation>Markierung „{quote}“ als {mark}</translation>
    </message>
    <message>
        <source>Marked “{quote}”: {mark}. m/M severity · E edit · Del delete · Ctrl+Z undo</source>
        <translation>„{quote}“ markiert: {mark}. m/M Schweregrad · E bearbeiten · Del löschen · Ctrl+Z rückgängig</translation>
    </message>
    <message>
        <source>change mark “{quote}” to {mark}</source>
        <translation>Änderung der Markierung „{quote}“ zu {mark}</translation>
    </message>
    <message>
        <source>Mark “{quote}”: {mark}</source>
        <translation>Markierung „{quote}“: {mark}</translation>
    </message>
    <message>
        <source>There is no mark at the cursor. Move onto a mark ([ and ] jump between marks), then press Delete.</source>
        <translation>Am Cursor ist keine Markierung. Gehen Sie auf eine Markierung ([ und ] springen zwischen Markierungen) und drücken Sie dann Delete.</translation>
    </message>
    <message>
        <source>delete mark “{quote}”</source>
        <translation>Löschen der Markierung „{quote}“</translation>
    </message>
    <message>
        <source>Deleted the mark on “{quote}” (Ctrl+Z brings it back).</source>
        <translation>Die Markierung auf „{quote}“ wurde gelöscht (Ctrl+Z holt sie zurück).</translation>
    </message>
    <message>
        <source>Select the wrong words first, or move onto a mark ([ and ]), then press E.</source>
        <translation>Wählen Sie zuerst die falschen Wörter aus oder gehen Sie auf eine Markierung ([ und ]) und drücken Sie dann E.</translation>
    </message>
    <message>
        <source>Put the cursor on a mark first ([ and ] jump between marks), or select words and press {keys} to make one.</source>
        <translation>Setzen Sie den Cursor zuerst auf eine Markierung ([ und ] springen zwischen Markierungen) oder wählen Sie Wörter aus und drücken Sie {keys}, um eine zu setzen.</translation>
    </message>
    <message>
        <source>This answer has marks, so it can&apos;t be checked as free of errors. Delete its marks first.</source>
        <translation>Diese Antwort hat Markierungen und kann deshalb nicht als fehlerfrei geprüft werden. Löschen Sie zuerst ihre Markierungen.</translation>
    </message>
    <message>
        <source>set “{what}” on {name}</source>
        <translation>Setzen von „{what}“ bei {name}</translation>
    </message>
    <message>
        <source>clear “{what}” on {name}</source>
        <translation>Entfernen von „{what}“ bei {name}</translation>
    </message>
    <message>
        <source>{name}: {what} — yes.</source>
        <translation>{name}: {what} — ja.</translation>
    </message>
    <message>
        <source>{name}: {what} — no.</source>
        <translation>{name}: {what} — nein.</translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation>{action} rückgängig machen</translation>
    </message>
</context>
<context>
    <name>AnswerKeys</name>
    <message>
        <source>Mark the selection as</source>
        <translation>Auswahl markieren als</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Leicht</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Schwer</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Edit mark…</source>
        <translation>Markierung bearbeiten…</translation>
    </message>
    <message>
        <source>Delete mark</source>
        <translation>Markierung löschen</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>{app} is already open on this data folder. Switch to its window, or start this one with --data-dir and another folder.</source>
        <translation>{app} ist mit diesem Datenordner schon geöffnet. Wechseln Sie zu seinem Fenster, oder starten Sie dieses mit --data-dir und einem anderen Ordner.</translation>
    </message>
    <message>
        <source>The data folder {folder} can&apos;t be created or written to ({reason}), so the app has nowhere to keep your work.

Start it with --data-dir and a folder you can write to, for example: imitation-lens --data-dir ~/imitation-lens-data</source>
        <translation>Der Datenordner {folder} kann nicht angelegt oder beschrieben werden ({reason}), daher kann die App Ihre Arbeit nirgends speichern.

Starten Sie sie mit --data-dir und einem Ordner, in den Sie schreiben dürfen, zum Beispiel: imitation-lens --data-dir ~/imitation-lens-data</translation>
    </message>
    <message>
        <source>{app} is already open on this data folder: its window was brought to the front.</source>
        <translation>{app} ist mit diesem Datenordner schon geöffnet: sein Fenster wurde nach vorne geholt.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>&lt;b&gt;Blind session.&lt;/b&gt; The answers appear as Answer 1, 2, … in an order that changes from item to item; who wrote which, and how fast, is shown once you submit your verdict for the item.</source>
        <translation>&lt;b&gt;Blinde Sitzung.&lt;/b&gt; Die Antworten erscheinen als Antwort 1, 2, … in einer Reihenfolge, die von Eintrag zu Eintrag wechselt; wer welche geschrieben hat und wie schnell, sehen Sie, sobald Sie Ihr Urteil zum Eintrag abgegeben haben.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo lineup.&lt;/b&gt; Every column runs the small built-in model Gemma 3 270M, offline, so you can try the app right away; {names} is a stand-in. Use a column&apos;s &lt;i&gt;Settings…&lt;/i&gt; to load a real imitator or connect a teacher API.</source>
        <translation>&lt;b&gt;Demo-Aufstellung.&lt;/b&gt; Jede Spalte führt das kleine eingebaute Modell Gemma 3 270M aus, offline, damit Sie die App gleich ausprobieren können; {names} ist ein Platzhalter. Mit den &lt;i&gt;Einstellungen…&lt;/i&gt; einer Spalte laden Sie einen echten Imitator oder verbinden eine Lehrer-API.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo lineup.&lt;/b&gt; Every column runs the small built-in model Gemma 3 270M, offline, so you can try the app right away; {names} are stand-ins. Use a column&apos;s &lt;i&gt;Settings…&lt;/i&gt; to load a real imitator or connect a teacher API.</source>
        <translation>&lt;b&gt;Demo-Aufstellung.&lt;/b&gt; Jede Spalte führt das kleine eingebaute Modell Gemma 3 270M aus, offline, damit Sie die App gleich ausprobieren können; {names} sind Platzhalter. Mit den &lt;i&gt;Einstellungen…&lt;/i&gt; einer Spalte laden Sie einen echten Imitator oder verbinden eine Lehrer-API.</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} und {last}</translation>
    </message>
    <message>
        <source>{name} is a model made on this computer: {what}.</source>
        <translation>{name} ist ein auf diesem Computer erstelltes Modell: {what}.</translation>
    </message>
    <message>
        <source>{names} runs the model it was made from, asked the same way, so what differs between them is the fine-tuning alone.</source>
        <translation>{names} führt das Modell aus, aus dem es erstellt wurde, und fragt es auf dieselbe Weise, sodass sich beide nur durch die Feinabstimmung unterscheiden.</translation>
    </message>
    <message>
        <source>{names} is a stand-in (the small built-in Gemma 3 270M); use its &lt;i&gt;Settings…&lt;/i&gt; to connect a teacher API.</source>
        <translation>{names} ist ein Platzhalter (das kleine eingebaute Gemma 3 270M); verbinden Sie über seine &lt;i&gt;Einstellungen…&lt;/i&gt; eine Lehrer-API.</translation>
    </message>
    <message>
        <source>{names} are stand-ins (the small built-in Gemma 3 270M); use their &lt;i&gt;Settings…&lt;/i&gt; to connect a teacher API.</source>
        <translation>{names} sind Platzhalter (das kleine eingebaute Gemma 3 270M); verbinden Sie über ihre &lt;i&gt;Einstellungen…&lt;/i&gt; eine Lehrer-API.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Made here.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hier erstellt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved yet.&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;Noch nicht gespeichert.&lt;/b&gt; {message}</translation>
    </message>
</context>
<context>
    <name>BatchFlow</name>
    <message>
        <source>A batch is already running. Pause or cancel it first.</source>
        <translation>Es läuft schon ein Stapel. Pausieren Sie ihn zuerst oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) first.</source>
        <translation>Halten Sie zuerst die Antworten an, die gerade geschrieben werden (Esc).</translation>
    </message>
    <message>
        <source>The batch could not be started</source>
        <translation>Der Stapel konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>The batch is being set up; press Esc again in a moment to pause it.</source>
        <translation>Der Stapel wird eingerichtet; drücken Sie gleich noch einmal Esc, um ihn zu pausieren.</translation>
    </message>
    <message>
        <source>The batch is pausing…</source>
        <translation>Der Stapel wird pausiert…</translation>
    </message>
    <message>
        <source>The batch is cancelling…</source>
        <translation>Der Stapel wird abgebrochen…</translation>
    </message>
    <message>
        <source>Batch paused (Esc). Press Resume in the batch bar to go on where it stopped; the answer being written starts again then.</source>
        <translation>Stapel pausiert (Esc). Drücken Sie in der Stapel-Leiste auf Fortsetzen, um dort weiterzumachen, wo er stehen blieb; die Antwort, die gerade geschrieben wurde, beginnt dann von vorn.</translation>
    </message>
    <message>
        <source>Every item that has its answers is judged.</source>
        <translation>Alle Einträge mit fertigen Antworten sind bewertet.</translation>
    </message>
</context>
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
    <name>BatchPanel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Running slower</source>
        <translation>Läuft langsamer</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>Wird pausiert…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>The batch run: progress, time left, judging, controls</source>
        <translation>Der laufende Stapel: Fortschritt, verbleibende Zeit, Bewertung, Bedienung</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>Fortschritt des Stapels</translation>
    </message>
    <message>
        <source>Batch details</source>
        <translation>Einzelheiten zum Stapel</translation>
    </message>
    <message>
        <source>Judging progress</source>
        <translation>Fortschritt der Bewertung</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Pause the batch: the answer being written starts again when you resume</source>
        <translation>Den Stapel pausieren: Die Antwort, die gerade geschrieben wird, beginnt beim Fortsetzen von vorn</translation>
    </message>
    <message>
        <source>Cancel batch</source>
        <translation>Stapel abbrechen</translation>
    </message>
    <message>
        <source>End the batch; questions not yet asked are removed, answers written are kept</source>
        <translation>Den Stapel beenden; noch nicht gestellte Fragen werden entfernt, geschriebene Antworten bleiben erhalten</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Ask again the answers that failed</source>
        <translation>Die fehlgeschlagenen Antworten noch einmal anfordern</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Mitverfolgen</translation>
    </message>
    <message>
        <source>Show the question being answered now</source>
        <translation>Die Frage zeigen, die gerade beantwortet wird</translation>
    </message>
    <message>
        <source>Next unjudged  ({key})</source>
        <translation>Nächster unbewerteter  ({key})</translation>
    </message>
    <message>
        <source>Go to the next item you have not judged</source>
        <translation>Zum nächsten Eintrag gehen, den Sie noch nicht bewertet haben</translation>
    </message>
    <message numerus="yes">
        <source>%Ln question(s) still to answer. Press Resume to go on where it stopped.</source>
        <translation>
            <numerusform>%Ln Frage ist noch zu beantworten. Drücken Sie Fortsetzen, um dort weiterzumachen, wo der Stapel stehen blieb.</numerusform>
            <numerusform>%Ln Fragen sind noch zu beantworten. Drücken Sie Fortsetzen, um dort weiterzumachen, wo der Stapel stehen blieb.</numerusform>
        </translation>
    </message>
    <message>
        <source>{speed} tokens/s in all</source>
        <translation>insgesamt {speed} Tokens/s</translation>
    </message>
    <message>
        <source>{role} {speed} tokens/s</source>
        <translation>{role} {speed} Tokens/s</translation>
    </message>
    <message>
        <source>&lt;b&gt;Batch: {name}&lt;/b&gt; — {state}</source>
        <translation>&lt;b&gt;Stapel: {name}&lt;/b&gt; — {state}</translation>
    </message>
    <message>
        <source>{answered} of {total} answered</source>
        <translation>{answered} von {total} beantwortet</translation>
    </message>
    <message>
        <source>{answered} of {total} questions answered</source>
        <translation>{answered} von {total} Fragen beantwortet</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>Retry %Ln failed</source>
        <translation>
            <numerusform>Fehlgeschlagene wiederholen (%Ln)</numerusform>
            <numerusform>Fehlgeschlagene wiederholen (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchStart</name>
    <message>
        <source>dd MMMM yyyy, HH:mm</source>
        <comment>Qt&apos;s date format</comment>
        <translation>d. MMMM yyyy, HH:mm</translation>
    </message>
</context>
<context>
    <name>BatchWatch</name>
    <message>
        <source>Another window or the command line runs this batch; this window follows it.</source>
        <translation>Ein anderes Fenster oder die Kommandozeile führt diesen Stapel aus; dieses Fenster verfolgt ihn mit.</translation>
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
    <name>ColumnCounts</name>
    <message numerus="yes">
        <source>%n token</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnWords</name>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Reading the prompt…</source>
        <translation>Liest die Frage…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>asked as question and answer</source>
        <translation>gefragt als Frage und Antwort</translation>
    </message>
    <message>
        <source>asked after teacher-style examples</source>
        <translation>gefragt nach Beispielen im Stil des Lehrers</translation>
    </message>
    <message>
        <source>asked through its chat template</source>
        <translation>gefragt über seine Chat-Vorlage</translation>
    </message>
    <message>
        <source>{model} via {address}</source>
        <translation>{model} über {address}</translation>
    </message>
    <message>
        <source>the imported set</source>
        <translation>dem importierten Fragensatz</translation>
    </message>
    <message>
        <source>From {name}</source>
        <translation>Aus {name}</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>{speed} tokens/s</source>
        <translation>{speed} Tokens/s</translation>
    </message>
</context>
<context>
    <name>ColumnsArea</name>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>The answer columns; scrolls when they do not all fit</source>
        <translation>Die Antwort-Spalten; scrollt, wenn nicht alle hineinpassen</translation>
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
    <name>CrashNotice</name>
    <message>
        <source>The details are in the log: {file}.</source>
        <translation>Die Einzelheiten stehen im Protokoll: {file}.</translation>
    </message>
    <message>
        <source>The details were written to the terminal.</source>
        <translation>Die Einzelheiten wurden im Terminal ausgegeben.</translation>
    </message>
    <message>
        <source>Something went wrong inside the app. Your saved work is safe: answers, marks and verdicts are written as they happen.

{where} If something on screen looks wrong, close the app and start it again. If it happens again, please send the log to whoever gave you the app.</source>
        <translation>In der App ist etwas schiefgegangen. Ihre gespeicherte Arbeit ist sicher: Antworten, Markierungen und Urteile werden sofort geschrieben.

{where} Wenn etwas auf dem Bildschirm falsch aussieht, schließen Sie die App und starten Sie sie neu. Passiert es wieder, schicken Sie das Protokoll bitte an die Person, von der Sie die App haben.</translation>
    </message>
</context>
<context>
    <name>Evaluator</name>
    <message>
        <source>Who is judging. Edit ▸ Preferences (Ctrl+,) changes it.</source>
        <translation>Wer bewertet. Bearbeiten ▸ Einstellungen (Ctrl+,) ändert es.</translation>
    </message>
    <message>
        <source>Evaluator: {name}</source>
        <translation>Es bewertet: {name}</translation>
    </message>
</context>
<context>
    <name>EvaluatorPrompt</name>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Shown with your marks and verdicts in every export and report, so your work stays apart from a colleague&apos;s when sessions are merged</source>
        <translation>Steht bei Ihren Markierungen und Urteilen in jedem Export und Bericht, damit Ihre Arbeit von der anderer getrennt bleibt, wenn Sitzungen zusammengeführt werden</translation>
    </message>
    <message>
        <source>Who is judging?</source>
        <translation>Wer bewertet?</translation>
    </message>
    <message>
        <source>Your name goes with your marks and verdicts in every export and report, so your work stays apart from a colleague&apos;s when sessions are merged. You can change it later in Edit ▸ Preferences (Ctrl+,).</source>
        <translation>Ihr Name steht bei Ihren Markierungen und Urteilen in jedem Export und Bericht, damit Ihre Arbeit von der anderer getrennt bleibt, wenn Sitzungen zusammengeführt werden. Sie können ihn später unter Bearbeiten ▸ Einstellungen (Ctrl+,) ändern.</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <source>Use this name</source>
        <translation>Diesen Namen verwenden</translation>
    </message>
    <message>
        <source>Keep the name typed above as the evaluator&apos;s</source>
        <translation>Den oben eingegebenen Namen für Ihre Bewertungen übernehmen</translation>
    </message>
</context>
<context>
    <name>FieldMappingDialog</name>
    <message>
        <source>(not in the file)</source>
        <translation>(nicht in der Datei)</translation>
    </message>
    <message>
        <source>Which field is the question? — {file}</source>
        <translation>Welches Feld ist die Frage? — {file}</translation>
    </message>
    <message>
        <source>Imitation Lens does not know the fields of {file}. Choose which field holds the question and, if the file has them, the right answer and other accepted answers. The first rows of the file are shown below.</source>
        <translation>Imitation Lens kennt die Felder von {file} nicht. Wählen Sie, welches Feld die Frage enthält und, falls die Datei sie hat, die richtige Antwort und weitere akzeptierte Antworten. Unten sehen Sie die ersten Zeilen der Datei.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>Referenzantwort</translation>
    </message>
    <message>
        <source>Also accepted</source>
        <translation>Auch akzeptiert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>When “Also accepted” is one text, what stands between the answers (| ; or ,)</source>
        <translation>Wenn „Auch akzeptiert“ ein einziger Text ist: was zwischen den Antworten steht (| ; oder ,)</translation>
    </message>
    <message>
        <source>Separator of accepted answers</source>
        <translation>Trennzeichen der akzeptierten Antworten</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>Die ersten Zeilen der Datei</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>FileOpening</name>
    <message>
        <source>{file} could not be opened as a session: {reason}</source>
        <translation>{file} konnte nicht als Sitzung geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>It was not imported</source>
        <translation>Sie wurde nicht importiert</translation>
    </message>
    <message>
        <source>Opened “{title}”: everything in {file} was already here.</source>
        <translation>„{title}“ geöffnet: Alles aus {file} war schon da.</translation>
    </message>
    <message>
        <source>Imported “{title}” from {evaluator} ({file}): {items}, {marks}, {verdicts}.</source>
        <translation>„{title}“ von {evaluator} importiert ({file}): {items}, {marks}, {verdicts}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new item(s)</source>
        <translation>
            <numerusform>%Ln neuer Eintrag</numerusform>
            <numerusform>%Ln neue Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new mark(s)</source>
        <translation>
            <numerusform>%Ln neue Markierung</numerusform>
            <numerusform>%Ln neue Markierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new verdict(s)</source>
        <translation>
            <numerusform>%Ln neues Urteil</numerusform>
            <numerusform>%Ln neue Urteile</numerusform>
        </translation>
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
    <name>ItemFlow</name>
    <message>
        <source>Tie: equally good</source>
        <translation>Unentschieden: gleich gut</translation>
    </message>
    <message>
        <source>All bad</source>
        <translation>Alle schlecht</translation>
    </message>
    <message numerus="yes">
        <source>This item has %Ln answers but the lineup shows {columns}, so it can&apos;t be judged here; its marks and verdict are kept.</source>
        <translation>
            <numerusform>Dieser Eintrag hat %Ln Antwort, aber die Aufstellung zeigt {columns}; darum kann er hier nicht bewertet werden. Seine Markierungen und sein Urteil bleiben erhalten.</numerusform>
            <numerusform>Dieser Eintrag hat %Ln Antworten, aber die Aufstellung zeigt {columns}; darum kann er hier nicht bewertet werden. Seine Markierungen und sein Urteil bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The batch has not written every answer to this question yet; judge it once they are in.</source>
        <translation>Der Stapel hat noch nicht alle Antworten auf diese Frage geschrieben; bewerten Sie sie, sobald sie da sind.</translation>
    </message>
    <message>
        <source>Phase 2 of 2: the reference is shown. Revise if needed, then submit.</source>
        <translation>Phase 2 von 2: Die Referenz wird gezeigt. Ändern Sie Ihr Urteil bei Bedarf und geben Sie es dann ab.</translation>
    </message>
    <message>
        <source>Verdict saved. Ctrl+Page Down: next item.</source>
        <translation>Urteil gespeichert. Strg+Bild ab: nächster Eintrag.</translation>
    </message>
    <message>
        <source>Verdict saved at {time}. Ctrl+Page Down: next item.</source>
        <translation>Urteil um {time} gespeichert. Strg+Bild ab: nächster Eintrag.</translation>
    </message>
    <message>
        <source>Wait for the answers to finish, or stop them (Esc), before moving on.</source>
        <translation>Warten Sie, bis die Antworten fertig sind, oder halten Sie sie an (Esc), bevor Sie weitergehen.</translation>
    </message>
    <message>
        <source>Type the next question and press Ctrl+Enter.</source>
        <translation>Tippen Sie die nächste Frage ein und drücken Sie Strg+Eingabe.</translation>
    </message>
    <message>
        <source>Ask a question first; then choose which answer is better.</source>
        <translation>Stellen Sie zuerst eine Frage; wählen Sie dann die bessere Antwort.</translation>
    </message>
    <message>
        <source>Wait until every answer has finished (or stop them) before the verdict.</source>
        <translation>Warten Sie vor dem Urteil, bis jede Antwort fertig ist (oder halten Sie sie an).</translation>
    </message>
    <message>
        <source>Choose which answer is better first (Ctrl+J, then the arrow keys).</source>
        <translation>Wählen Sie zuerst die bessere Antwort (Strg+J, dann die Pfeiltasten).</translation>
    </message>
    <message>
        <source>Saving your verdict… marking works again in a moment.</source>
        <translation>Ihr Urteil wird gespeichert… Markieren geht gleich wieder.</translation>
    </message>
    <message>
        <source>Verdict saved. The reference answer is shown: revise if needed, submit again.</source>
        <translation>Urteil gespeichert. Die Referenzantwort wird gezeigt: Ändern Sie Ihr Urteil bei Bedarf und geben Sie es erneut ab.</translation>
    </message>
    <message>
        <source>Answer {position} was {role}</source>
        <translation>Antwort {position} war {role}</translation>
    </message>
    <message>
        <source>Verdict saved. {names}.</source>
        <translation>Urteil gespeichert. {names}.</translation>
    </message>
    <message>
        <source>The verdict could not be saved</source>
        <translation>Das Urteil konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>JudgingBar</name>
    <message>
        <source>— choose —</source>
        <translation>— wählen —</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>Referenzantwort</translation>
    </message>
    <message>
        <source>◀ Previous item</source>
        <translation>◀ Voriger Eintrag</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Voriger Eintrag</translation>
    </message>
    <message>
        <source>Show the item before this one (Ctrl+Page Up)</source>
        <translation>Den Eintrag vor diesem zeigen (Ctrl+Page Up)</translation>
    </message>
    <message>
        <source>Next item ▶</source>
        <translation>Nächster Eintrag ▶</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Nächster Eintrag</translation>
    </message>
    <message>
        <source>Show the next item, or start a new question after the last (Ctrl+Page Down)</source>
        <translation>Den nächsten Eintrag zeigen oder nach dem letzten eine neue Frage beginnen (Ctrl+Page Down)</translation>
    </message>
    <message>
        <source>Mark colours</source>
        <translation>Farben der Markierungen</translation>
    </message>
    <message>
        <source>Keys 1 to 6 mark a kind of error; m and Shift+M set Minor or Major</source>
        <translation>Die Tasten 1 bis 6 markieren eine Fehlerart; m und Shift+M setzen leicht oder schwer</translation>
    </message>
    <message>
        <source>Preferred answer</source>
        <translation>Bessere Antwort</translation>
    </message>
    <message>
        <source>Which answer is better overall: one of them, a tie, or all bad (Ctrl+J)</source>
        <translation>Welche Antwort insgesamt besser ist: eine davon, gleich gut oder alle schlecht (Ctrl+J)</translation>
    </message>
    <message>
        <source>&amp;Which answer is better?</source>
        <translation>&amp;Welche Antwort ist besser?</translation>
    </message>
    <message>
        <source>Why? (optional)</source>
        <translation>Warum? (optional)</translation>
    </message>
    <message>
        <source>Reason for the verdict</source>
        <translation>Begründung des Urteils</translation>
    </message>
    <message>
        <source>Optional; Enter submits the verdict</source>
        <translation>Optional; Enter gibt das Urteil ab</translation>
    </message>
    <message>
        <source>&amp;Submit verdict</source>
        <translation>Urteil ab&amp;senden</translation>
    </message>
    <message>
        <source>Submit verdict</source>
        <translation>Urteil absenden</translation>
    </message>
    <message>
        <source>Save your verdict for this item; a blind item then shows who wrote each answer</source>
        <translation>Ihr Urteil zu diesem Eintrag speichern; ein blinder Eintrag zeigt dann, wer welche Antwort schrieb</translation>
    </message>
    <message>
        <source>&lt;b&gt;This item has a reference answer.&lt;/b&gt; It stays hidden until you submit your first verdict; then you may revise your marks and verdict.</source>
        <translation>&lt;b&gt;Dieser Eintrag hat eine Referenzantwort.&lt;/b&gt; Sie bleibt verborgen, bis Sie Ihr erstes Urteil abgeben; danach können Sie Ihre Markierungen und Ihr Urteil überarbeiten.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Source: {source}&lt;/i&gt;</source>
        <translation>&lt;i&gt;Quelle: {source}&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Also accepted:&lt;/b&gt; {answers}</source>
        <translation>&lt;b&gt;Ebenfalls richtig:&lt;/b&gt; {answers}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Known to be wrong&lt;/b&gt; (listed by the set): {answers}</source>
        <translation>&lt;b&gt;Bekanntermaßen falsch&lt;/b&gt; (laut Fragensatz): {answers}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reference answer:&lt;/b&gt; {reference}{source} — revise your marks and verdict if needed, then submit again.</source>
        <translation>&lt;b&gt;Referenzantwort:&lt;/b&gt; {reference}{source} — überarbeiten Sie bei Bedarf Ihre Markierungen und Ihr Urteil und senden Sie es erneut ab.</translation>
    </message>
    <message>
        <source>New item ({count} so far)</source>
        <translation>Neuer Eintrag (bisher {count})</translation>
    </message>
    <message>
        <source>Item {position} of {count}</source>
        <translation>Eintrag {position} von {count}</translation>
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
    <name>LibraryRows</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Quantisation</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Chat-Vorlage</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Checksum (sha256)</source>
        <translation>Prüfsumme (sha256)</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>{number}B</source>
        <translation>{number} Mrd.</translation>
    </message>
    <message>
        <source>{number}M</source>
        <translation>{number} Mio.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (base model)</source>
        <translation>nein (Basismodell)</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Ships with Imitation Lens and runs wherever a column says “built in”; it stays in the library.</source>
        <translation>Kommt mit Imitation Lens und läuft überall, wo eine Spalte „built in“ zeigt; es bleibt in der Bibliothek.</translation>
    </message>
    <message>
        <source>Ships with Imitation Lens: imitators are made from it (Models ▸ Make an imitator…). Licence {licence}. It stays in the library.</source>
        <translation>Kommt mit Imitation Lens: Daraus werden Imitatoren erstellt (Modelle ▸ Einen Imitator erstellen…). Lizenz {licence}. Es bleibt in der Bibliothek.</translation>
    </message>
    <message>
        <source>Made here.</source>
        <translation>Hier erstellt.</translation>
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
        <translation>S&amp;tapel</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>dd MMMM yyyy, HH:mm</source>
        <translation>d. MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Blind session of {moment}</source>
        <translation>Blinde Sitzung vom {moment}</translation>
    </message>
    <message>
        <source>Session of {moment}</source>
        <translation>Sitzung vom {moment}</translation>
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
    <name>MarkDialog</name>
    <message>
        <source>Mark an error</source>
        <translation>Einen Fehler markieren</translation>
    </message>
    <message>
        <source>Edit mark</source>
        <translation>Markierung bearbeiten</translation>
    </message>
    <message>
        <source>“{quote}”</source>
        <translation>„{quote}“</translation>
    </message>
    <message>
        <source>Error category</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <source>What kind of factual error this is</source>
        <translation>Welche Art sachlicher Fehler das ist</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Minor leaves the answer useful; Major misleads on a point that matters</source>
        <translation>Leicht: die Antwort bleibt brauchbar; schwer: sie führt in einem wichtigen Punkt in die Irre</translation>
    </message>
    <message>
        <source>Why is it wrong? (required for {categories})</source>
        <translation>Warum ist es falsch? (nötig bei {categories})</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Your reason for the mark</source>
        <translation>Ihre Begründung für die Markierung</translation>
    </message>
    <message>
        <source>What it should say, if you know (optional)</source>
        <translation>Was dort stehen sollte, falls Sie es wissen (optional)</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>The right fact, if you know it</source>
        <translation>Die richtige Tatsache, falls Sie sie kennen</translation>
    </message>
    <message>
        <source>&amp;Not sure — I could not fully verify this</source>
        <translation>&amp;Unsicher — ich konnte das nicht ganz prüfen</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Tick when you are unsure the mark is right</source>
        <translation>Ankreuzen, wenn Sie nicht sicher sind, dass die Markierung stimmt</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>&amp;Severity</source>
        <translation>&amp;Schweregrad</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Co&amp;rrection</source>
        <translation>Ko&amp;rrektur</translation>
    </message>
    <message>
        <source>Save mark</source>
        <translation>Markierung speichern</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Save the mark and close this form (Enter)</source>
        <translation>Die Markierung speichern und dieses Formular schließen (Enter)</translation>
    </message>
    <message>
        <source>Close without changing anything (Esc)</source>
        <translation>Schließen, ohne etwas zu ändern (Esc)</translation>
    </message>
    <message>
        <source>&amp;Delete mark</source>
        <translation>Markierung &amp;löschen</translation>
    </message>
    <message>
        <source>Delete mark</source>
        <translation>Markierung löschen</translation>
    </message>
    <message>
        <source>Remove this mark (it can be undone)</source>
        <translation>Diese Markierung entfernen (lässt sich rückgängig machen)</translation>
    </message>
</context>
<context>
    <name>MarkStyle</name>
    <message>
        <source>Minor (dotted)</source>
        <translation>Leicht (gepunktet)</translation>
    </message>
    <message>
        <source>Major (wavy)</source>
        <translation>Schwer (gewellt)</translation>
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
    <name>PromptRun</name>
    <message>
        <source>Ask a factual question, e.g. “What is the capital of Australia?” — then press Run (Ctrl+Enter). Every column answers the same prompt.</source>
        <translation>Stellen Sie eine Sachfrage, z. B. „Was ist die Hauptstadt von Australien?“ — und drücken Sie dann „Ausführen“ (Ctrl+Enter). Jede Spalte beantwortet dieselbe Frage.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>The question every column answers. Ctrl+Enter runs it; Tab moves on.</source>
        <translation>Die Frage, die jede Spalte beantwortet. Ctrl+Enter stellt sie; Tab geht weiter.</translation>
    </message>
    <message>
        <source>Reference answer (optional): hidden until the first verdict, then shown to revise</source>
        <translation>Referenzantwort (optional): bis zum ersten Urteil verborgen, dann zum Überarbeiten gezeigt</translation>
    </message>
    <message>
        <source>Reference answer for the next question</source>
        <translation>Referenzantwort für die nächste Frage</translation>
    </message>
    <message>
        <source>Optional. The item is then judged twice: first without it, then with it shown</source>
        <translation>Optional. Der Eintrag wird dann zweimal bewertet: erst ohne sie, dann mit ihr</translation>
    </message>
    <message>
        <source>Source of the reference (optional)</source>
        <translation>Quelle der Referenz (optional)</translation>
    </message>
    <message>
        <source>Source of the reference answer</source>
        <translation>Quelle der Referenzantwort</translation>
    </message>
    <message>
        <source>Where the reference answer comes from</source>
        <translation>Woher die Referenzantwort stammt</translation>
    </message>
    <message>
        <source>Run  ({keys})</source>
        <translation>Ausführen  ({keys})</translation>
    </message>
    <message>
        <source>Run the prompt in every column</source>
        <translation>Die Frage in jeder Spalte stellen</translation>
    </message>
    <message>
        <source>Send the prompt to every column (Ctrl+Enter)</source>
        <translation>Die Frage an jede Spalte senden (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop all  ({keys})</source>
        <translation>Alle anhalten  ({keys})</translation>
    </message>
    <message>
        <source>Stop every column</source>
        <translation>Jede Spalte anhalten</translation>
    </message>
    <message>
        <source>Stop every answer being written (Esc)</source>
        <translation>Jede Antwort anhalten, die gerade geschrieben wird (Esc)</translation>
    </message>
    <message>
        <source>Type a question first, then press Run.</source>
        <translation>Tippen Sie zuerst eine Frage ein und drücken Sie dann „Ausführen“.</translation>
    </message>
    <message>
        <source>Memory is short for these models: they may answer one after another, or slowly. Closing other programs gives them more room.</source>
        <translation>Der Arbeitsspeicher ist für diese Modelle knapp: Sie antworten vielleicht nacheinander oder langsam. Wenn Sie andere Programme schließen, haben sie mehr Platz.</translation>
    </message>
    <message>
        <source>A batch is running: pause it (Esc) to ask your own question.</source>
        <translation>Ein Stapel läuft: Pausieren Sie ihn (Esc), um Ihre eigene Frage zu stellen.</translation>
    </message>
</context>
<context>
    <name>PromptSetsDialog</name>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>Referenzantwort</translation>
    </message>
    <message>
        <source>Also accepted</source>
        <translation>Auch akzeptiert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Question files (*.jsonl *.json *.csv *.tsv *.parquet)</source>
        <translation>Fragendateien (*.jsonl *.json *.csv *.tsv *.parquet)</translation>
    </message>
    <message>
        <source>Prompt sets</source>
        <translation>Fragensätze</translation>
    </message>
    <message>
        <source>The built-in and imported sets; pick one to preview</source>
        <translation>Die mitgelieferten und importierten Sätze; wählen Sie einen für die Vorschau</translation>
    </message>
    <message>
        <source>About this set</source>
        <translation>Über diesen Satz</translation>
    </message>
    <message>
        <source>Questions in this set</source>
        <translation>Fragen in diesem Satz</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add a set from a file: the app&apos;s own JSONL or CSV, or a public set such as NQ-open, TriviaQA, SimpleQA, TruthfulQA, Alpaca or ShareGPT</source>
        <translation>Einen Satz aus einer Datei hinzufügen: das eigene JSONL oder CSV der App oder einen öffentlichen Satz wie NQ-open, TriviaQA, SimpleQA, TruthfulQA, Alpaca oder ShareGPT</translation>
    </message>
    <message>
        <source>Import a random sample of</source>
        <translation>Nur eine Zufallsstichprobe importieren:</translation>
    </message>
    <message>
        <source>For large sets: the same questions each time for the same number and seed. A file of more than {limit} questions can only be imported as a sample.</source>
        <translation>Für große Sätze: Bei gleicher Anzahl und gleichem Startwert sind es jedes Mal dieselben Fragen. Eine Datei mit mehr als {limit} Fragen lässt sich nur als Stichprobe importieren.</translation>
    </message>
    <message>
        <source>Questions in the sample</source>
        <translation>Fragen in der Stichprobe</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>Startwert </translation>
    </message>
    <message>
        <source>Seed of the sample</source>
        <translation>Startwert der Stichprobe</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Die Datei wird gelesen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Forget an imported set; questions already answered stay in their sessions</source>
        <translation>Einen importierten Satz vergessen; schon beantwortete Fragen bleiben in ihren Sitzungen</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <source>Answers appear as Answer 1…N in a counterbalanced order until your verdict</source>
        <translation>Die Antworten erscheinen bis zu Ihrem Urteil als Antwort 1…N in ausgeglichener Reihenfolge</translation>
    </message>
    <message>
        <source>Run through the lineup</source>
        <translation>Mit der Aufstellung starten</translation>
    </message>
    <message>
        <source>Start a new session and let every column answer every question of this set</source>
        <translation>Eine neue Sitzung beginnen und jede Spalte jede Frage dieses Satzes beantworten lassen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sets&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sätze&lt;/b&gt;</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message numerus="yes">
        <source>%Ln question(s)</source>
        <translation>
            <numerusform>%Ln Frage</numerusform>
            <numerusform>%Ln Fragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{name}&lt;/b&gt; — %Ln question(s), {references} with a reference answer (checked automatically).</source>
        <translation>
            <numerusform>&lt;b&gt;{name}&lt;/b&gt; — %Ln Frage, {references} mit Referenzantwort (automatisch geprüft).</numerusform>
            <numerusform>&lt;b&gt;{name}&lt;/b&gt; — %Ln Fragen, {references} mit Referenzantwort (automatisch geprüft).</numerusform>
        </translation>
    </message>
    <message>
        <source>Topics: {tags}.</source>
        <translation>Themen: {tags}.</translation>
    </message>
    <message>
        <source>Licence: {licence}.</source>
        <translation>Lizenz: {licence}.</translation>
    </message>
    <message>
        <source>Licence: not known — check where the file came from.</source>
        <translation>Lizenz: unbekannt — prüfen Sie, woher die Datei stammt.</translation>
    </message>
    <message>
        <source>Imported from {file}.</source>
        <translation>Importiert aus {file}.</translation>
    </message>
    <message>
        <source>Import a prompt set</source>
        <translation>Einen Fragensatz importieren</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read</source>
        <translation>
            <numerusform>%Ln Zeile gelesen</numerusform>
            <numerusform>%Ln Zeilen gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported “{name}”: %Ln question(s), {references} with a reference answer.</source>
        <translation>
            <numerusform>„{name}“ importiert: %Ln Frage, {references} mit Referenzantwort.</numerusform>
            <numerusform>„{name}“ importiert: %Ln Fragen, {references} mit Referenzantwort.</numerusform>
        </translation>
    </message>
    <message>
        <source>The prompt set was not imported</source>
        <translation>Der Fragensatz wurde nicht importiert</translation>
    </message>
    <message>
        <source>Removed “{name}”. Sessions that ran it keep their questions.</source>
        <translation>„{name}“ entfernt. Sitzungen, in denen er lief, behalten ihre Fragen.</translation>
    </message>
</context>
<context>
    <name>RawTextButton</name>
    <message>
        <source>Show every answer exactly as the model wrote it, with its Markdown symbols such as ** and # ({key} in an answer). Marks stay on the same words either way.</source>
        <translation>Jede Antwort genau so zeigen, wie das Modell sie schrieb, mit ihren Markdown-Zeichen wie ** und # ({key} in einer Antwort). Markierungen bleiben in beiden Ansichten auf denselben Wörtern.</translation>
    </message>
    <message>
        <source>Raw text</source>
        <translation>Rohtext</translation>
    </message>
    <message>
        <source>Show raw text</source>
        <translation>Rohtext zeigen</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>Die Zahlen werden berechnet…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the report</source>
        <translation>Den Bericht schließen</translation>
    </message>
    <message>
        <source>Leave out the verdicts on questions where an answer may reveal its author</source>
        <translation>Urteile zu Fragen weglassen, bei denen eine Antwort ihren Urheber verraten könnte</translation>
    </message>
    <message>
        <source>The report could not be made</source>
        <translation>Der Bericht konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Question sets: {sets}.</source>
        <translation>Fragensätze: {sets}.</translation>
    </message>
    <message numerus="yes">
        <source>%n judged item(s)</source>
        <translation>
            <numerusform>%n bewerteter Eintrag</numerusform>
            <numerusform>%n bewertete Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not judged yet</source>
        <translation>
            <numerusform>, %n noch nicht bewertet</numerusform>
            <numerusform>, %n noch nicht bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n verdict(s)</source>
        <translation>
            <numerusform>%n Urteil</numerusform>
            <numerusform>%n Urteile</numerusform>
        </translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <source>{judged}, {verdicts}, marks by {who}. Bars show each model&apos;s figure; the thin line across a bar&apos;s end is the range the figure would likely fall in with other questions of the same kind ({interval} interval, shown from 5 items on).</source>
        <translation>{judged}, {verdicts}, Markierungen von {who}. Die Balken zeigen den Wert jedes Modells; die dünne Linie am Ende eines Balkens ist der Bereich, in dem der Wert mit anderen Fragen derselben Art wahrscheinlich läge ({interval}-Intervall, gezeigt ab 5 Einträgen).</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>Pro Modell</translation>
    </message>
    <message>
        <source>Figures per model</source>
        <translation>Zahlen pro Modell</translation>
    </message>
    <message>
        <source>Agreement between evaluators</source>
        <translation>Übereinstimmung zwischen den Bewertenden</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>timed out after {seconds} s waiting for {what}</source>
        <translation>Zeitüberschreitung nach {seconds} s beim Warten auf {what}</translation>
    </message>
    <message>
        <source>Imitation Lens {version} ({build}), Python {python}, {system} {machine}; resources in {resources}</source>
        <translation>Imitation Lens {version} ({build}), Python {python}, {system} {machine}; Ressourcen in {resources}</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quellcode</translation>
    </message>
    <message>
        <source>the main window</source>
        <translation>das Hauptfenster</translation>
    </message>
    <message>
        <source>main window open</source>
        <translation>Hauptfenster geöffnet</translation>
    </message>
    <message>
        <source>the demo model&apos;s answer</source>
        <translation>die Antwort des Demo-Modells</translation>
    </message>
    <message>
        <source>the demo model did not answer ({state}): {error}</source>
        <translation>das Demo-Modell hat nicht geantwortet ({state}): {error}</translation>
    </message>
    <message>
        <source>demo model answered {question} with {answer}</source>
        <translation>das Demo-Modell beantwortete {question} mit {answer}</translation>
    </message>
    <message>
        <source>llama.cpp: {info}</source>
        <translation>llama.cpp: {info}</translation>
    </message>
    <message>
        <source>the database to be written</source>
        <translation>das Schreiben der Datenbank</translation>
    </message>
    <message>
        <source>the database did not keep the answer: {rows}, {integrity}</source>
        <translation>die Datenbank hat die Antwort nicht behalten: {rows}, {integrity}</translation>
    </message>
    <message>
        <source>the answer read back differs from the one shown</source>
        <translation>die zurückgelesene Antwort weicht von der angezeigten ab</translation>
    </message>
    <message>
        <source>temporary database written and read back ({size} bytes)</source>
        <translation>vorübergehende Datenbank geschrieben und zurückgelesen ({size} Bytes)</translation>
    </message>
</context>
<context>
    <name>SessionBrowser</name>
    <message>
        <source>Title (F2 renames)</source>
        <translation>Titel (F2: umbenennen)</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Bewertet von</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Lineup</source>
        <translation>Aufstellung</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Search the questions and answers of every session…</source>
        <translation>Die Fragen und Antworten aller Sitzungen durchsuchen…</translation>
    </message>
    <message>
        <source>Search sessions</source>
        <translation>Sitzungen durchsuchen</translation>
    </message>
    <message>
        <source>Words to find in prompts and answers</source>
        <translation>Wörter, die in Fragen und Antworten gesucht werden</translation>
    </message>
    <message>
        <source>Enter or a double-click opens the selected session; F2 renames it</source>
        <translation>Die Eingabetaste oder ein Doppelklick öffnet die gewählte Sitzung; F2 benennt sie um</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Continue the selected session</source>
        <translation>Mit der gewählten Sitzung weitermachen</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Umbe&amp;nennen</translation>
    </message>
    <message>
        <source>Rename session</source>
        <translation>Sitzung umbenennen</translation>
    </message>
    <message>
        <source>Type a new title (F2)</source>
        <translation>Einen neuen Titel eintippen (F2)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Duplicate session</source>
        <translation>Sitzung duplizieren</translation>
    </message>
    <message>
        <source>A fresh copy of the prompts and answers, unjudged</source>
        <translation>Eine frische Kopie der Fragen und Antworten, unbewertet</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Sitzung löschen</translation>
    </message>
    <message>
        <source>Delete (can be undone)</source>
        <translation>Löschen (lässt sich rückgängig machen)</translation>
    </message>
    <message>
        <source>&amp;Study view…</source>
        <translation>&amp;Studienansicht…</translation>
    </message>
    <message>
        <source>Study view</source>
        <translation>Studienansicht</translation>
    </message>
    <message>
        <source>Read the selected sessions together: preference, accuracy and style per model</source>
        <translation>Die gewählten Sitzungen zusammen lesen: Vorzug, Genauigkeit und Stil je Modell</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Bring the session back</source>
        <translation>Die Sitzung zurückholen</translation>
    </message>
    <message>
        <source>Yes, delete</source>
        <translation>Ja, löschen</translation>
    </message>
    <message>
        <source>Confirm delete</source>
        <translation>Löschen bestätigen</translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation>Die Sitzung löschen</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation>dd.MM.yyyy, HH:mm</translation>
    </message>
    <message>
        <source> · blind</source>
        <translation> · blind</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) with “{query}” in a question or answer.</source>
        <translation>
            <numerusform>%Ln Sitzung mit „{query}“ in einer Frage oder Antwort.</numerusform>
            <numerusform>%Ln Sitzungen mit „{query}“ in einer Frage oder Antwort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s).</source>
        <translation>
            <numerusform>%Ln Sitzung.</numerusform>
            <numerusform>%Ln Sitzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two or more sessions (Ctrl and a click) to read them together.</source>
        <translation>Wählen Sie zwei oder mehr Sitzungen (Strg und ein Klick), um sie zusammen zu lesen.</translation>
    </message>
    <message>
        <source>Renamed to “{title}”.</source>
        <translation>Umbenannt in „{title}“.</translation>
    </message>
    <message>
        <source>Made a fresh copy of “{title}” to judge again.</source>
        <translation>Eine frische Kopie von „{title}“ zum erneuten Bewerten erstellt.</translation>
    </message>
    <message>
        <source>This session is open in the window. Open or start another one first.</source>
        <translation>Diese Sitzung ist im Fenster geöffnet. Öffnen oder beginnen Sie zuerst eine andere.</translation>
    </message>
    <message>
        <source>Delete “{title}” ({items}, {marks})?</source>
        <translation>„{title}“ löschen ({items}, {marks})?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mark(s)</source>
        <translation>
            <numerusform>%Ln Markierung</numerusform>
            <numerusform>%Ln Markierungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted “{title}”. Undo brings it back.</source>
        <translation>„{title}“ gelöscht. Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <source>“{title}” is back.</source>
        <translation>„{title}“ ist wieder da.</translation>
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
    <name>ShortcutSheet</name>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Run the prompt in every column</source>
        <translation>Die Frage in jeder Spalte stellen</translation>
    </message>
    <message>
        <source>Stop every column; while a batch runs, pause it</source>
        <translation>Jede Spalte anhalten; während ein Stapel läuft, ihn pausieren</translation>
    </message>
    <message>
        <source>Move between the prompt, answers and buttons</source>
        <translation>Zwischen Frage, Antworten und Schaltflächen wechseln</translation>
    </message>
    <message>
        <source>Read and select</source>
        <translation>Lesen und auswählen</translation>
    </message>
    <message>
        <source>Go into answer 1 … 6 (as shown, left to right)</source>
        <translation>In Antwort 1 … 6 gehen (wie gezeigt, von links nach rechts)</translation>
    </message>
    <message>
        <source>Go to the start of the answer</source>
        <translation>Zum Anfang der Antwort gehen</translation>
    </message>
    <message>
        <source>{shift}+arrows</source>
        <translation>{shift}+Pfeiltasten</translation>
    </message>
    <message>
        <source>Select characters or lines; {keys} select words</source>
        <translation>Zeichen oder Zeilen auswählen; {keys} wählen Wörter aus</translation>
    </message>
    <message>
        <source>{previous}  and  {next}</source>
        <translation>{previous}  und  {next}</translation>
    </message>
    <message>
        <source>Go to the previous / next mark in this answer</source>
        <translation>Zur vorigen / nächsten Markierung in dieser Antwort gehen</translation>
    </message>
    <message>
        <source>Mark an error (in an answer)</source>
        <translation>Einen Fehler markieren (in einer Antwort)</translation>
    </message>
    <message>
        <source>Mark the selection as “{label}”: {meaning}</source>
        <translation>Die Auswahl als „{label}“ markieren: {meaning}</translation>
    </message>
    <message>
        <source>Set the mark at the cursor to Minor (dotted) / Major (wavy)</source>
        <translation>Die Markierung am Cursor auf leicht (gepunktet) / schwer (gewellt) setzen</translation>
    </message>
    <message>
        <source>Toggle “not sure” on the mark at the cursor (shown in italics)</source>
        <translation>„Unsicher“ an der Markierung am Cursor ein- oder ausschalten (kursiv gezeigt)</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} oder {second}</translation>
    </message>
    <message>
        <source>Open the form: category, severity, note, correction, not sure</source>
        <translation>Das Formular öffnen: Kategorie, Schweregrad, Notiz, Korrektur, unsicher</translation>
    </message>
    <message>
        <source>Delete the mark at the cursor (it is kept in the history)</source>
        <translation>Die Markierung am Cursor löschen (sie bleibt im Verlauf erhalten)</translation>
    </message>
    <message>
        <source>Undo / redo any annotation</source>
        <translation>Jede Bewertung rückgängig machen / wiederherstellen</translation>
    </message>
    <message>
        <source>Judge the whole answer (in an answer)</source>
        <translation>Die ganze Antwort bewerten (in einer Antwort)</translation>
    </message>
    <message>
        <source>Checked: no errors found</source>
        <translation>Geprüft: keine Fehler gefunden</translation>
    </message>
    <message>
        <source>Misses the question</source>
        <translation>Verfehlt die Frage</translation>
    </message>
    <message>
        <source>Critical: wrong as a whole</source>
        <translation>Kritisch: insgesamt falsch</translation>
    </message>
    <message>
        <source>Verdict and items</source>
        <translation>Urteil und Einträge</translation>
    </message>
    <message>
        <source>Go to “Which answer is better?” (arrows choose)</source>
        <translation>Zu „Welche Antwort ist besser?“ gehen (Pfeiltasten wählen)</translation>
    </message>
    <message>
        <source>{enter} (in Why?) or {keys}</source>
        <translation>{enter} (in „Warum?“) oder {keys}</translation>
    </message>
    <message>
        <source>Submit the verdict</source>
        <translation>Das Urteil absenden</translation>
    </message>
    <message>
        <source>Next item; after the last one, a new question</source>
        <translation>Nächster Eintrag; nach dem letzten eine neue Frage</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Voriger Eintrag</translation>
    </message>
    <message>
        <source>Next item not judged yet whose answers are all written</source>
        <translation>Nächster unbewerteter Eintrag, dessen Antworten alle geschrieben sind</translation>
    </message>
    <message>
        <source>Prompt sets: preview, import, run one through the lineup</source>
        <translation>Fragensätze: ansehen, importieren, einen durch die Aufstellung laufen lassen</translation>
    </message>
    <message>
        <source>Preferences: your name as the evaluator</source>
        <translation>Einstellungen: Ihr Name für Ihre Bewertungen</translation>
    </message>
    <message>
        <source>This sheet</source>
        <translation>Diese Übersicht</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Close the keyboard sheet (Esc)</source>
        <translation>Die Übersicht der Tastenkürzel schließen (Esc)</translation>
    </message>
</context>
<context>
    <name>SlotColumn</name>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop this column&apos;s answer</source>
        <translation>Die Antwort dieser Spalte anhalten</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Choose the model or teacher and its settings</source>
        <translation>Das Modell oder den Lehrer und seine Einstellungen wählen</translation>
    </message>
    <message>
        <source>Mark error (E)</source>
        <translation>Fehler markieren (E)</translation>
    </message>
    <message>
        <source>Select wrong words in the answer, then press {keys} for the kind of error, or E (or this button) for the full form</source>
        <translation>Wählen Sie falsche Wörter in der Antwort aus und drücken Sie dann {keys} für die Art des Fehlers oder E (oder diese Schaltfläche) für das ganze Formular</translation>
    </message>
    <message>
        <source>Checked: no errors (C)</source>
        <translation>Geprüft: keine Fehler (C)</translation>
    </message>
    <message>
        <source>You checked this answer and found no factual errors</source>
        <translation>Sie haben diese Antwort geprüft und keine sachlichen Fehler gefunden</translation>
    </message>
    <message>
        <source>Misses the question (O)</source>
        <translation>Verfehlt die Frage (O)</translation>
    </message>
    <message>
        <source>The answer does not answer what was asked</source>
        <translation>Die Antwort beantwortet nicht, was gefragt wurde</translation>
    </message>
    <message>
        <source>Wrong as a whole (X)</source>
        <translation>Insgesamt falsch (X)</translation>
    </message>
    <message>
        <source>Critical: the answer is wrong as a whole (weight 25)</source>
        <translation>Kritisch: Die Antwort ist insgesamt falsch (Gewicht 25)</translation>
    </message>
    <message>
        <source>Answer {position}</source>
        <translation>Antwort {position}</translation>
    </message>
    <message>
        <source>Answer {position} · {role}</source>
        <translation>Antwort {position} · {role}</translation>
    </message>
    <message>
        <source>{name} answer</source>
        <translation>Antwort von {name}</translation>
    </message>
    <message>
        <source>The answer text. Select wrong words with Shift and the arrow keys, press {keys} for the kind of error, m or Shift+M for its severity. F1 lists every key.</source>
        <translation>Der Text der Antwort. Wählen Sie falsche Wörter mit Shift und den Pfeiltasten aus, drücken Sie {keys} für die Art des Fehlers, m oder Shift+M für den Schweregrad. F1 zeigt alle Tasten.</translation>
    </message>
    <message>
        <source>Stop {name}</source>
        <translation>{name} anhalten</translation>
    </message>
    <message>
        <source>Stop writing this answer</source>
        <translation>Das Schreiben dieser Antwort anhalten</translation>
    </message>
    <message>
        <source>{name} settings</source>
        <translation>Einstellungen von {name}</translation>
    </message>
    <message>
        <source>Choose the model or API for this column</source>
        <translation>Das Modell oder die API für diese Spalte wählen</translation>
    </message>
    <message>
        <source>Mark an error in {name}</source>
        <translation>Einen Fehler in {name} markieren</translation>
    </message>
    <message>
        <source>Open the form for the selected words or mark</source>
        <translation>Das Formular für die ausgewählten Wörter oder die Markierung öffnen</translation>
    </message>
    <message>
        <source>The answer does not answer the question</source>
        <translation>Die Antwort beantwortet die Frage nicht</translation>
    </message>
    <message>
        <source>Critical: the answer is wrong as a whole</source>
        <translation>Kritisch: Die Antwort ist insgesamt falsch</translation>
    </message>
    <message>
        <source>{name}: {what}</source>
        <translation>{name}: {what}</translation>
    </message>
    <message>
        <source>{name} state: {state}</source>
        <translation>Zustand von {name}: {state}</translation>
    </message>
    <message>
        <source>Checked: no errors found</source>
        <translation>Geprüft: keine Fehler gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n mark ({major} Major, {minor} Minor)</source>
        <translation>
            <numerusform>%n Markierung ({major} schwer, {minor} leicht)</numerusform>
            <numerusform>%n Markierungen ({major} schwer, {minor} leicht)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marks ({major} Major, {minor} Minor)</source>
        <translation>
            <numerusform>%n Markierung ({major} schwer, {minor} leicht)</numerusform>
            <numerusform>%n Markierungen ({major} schwer, {minor} leicht)</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Automatic check: correct</source>
        <translation>✓ Automatische Prüfung: richtig</translation>
    </message>
    <message>
        <source>✗ Automatic check: not counted as correct</source>
        <translation>✗ Automatische Prüfung: nicht als richtig gezählt</translation>
    </message>
    <message>
        <source>{check} ({reason})</source>
        <translation>{check} ({reason})</translation>
    </message>
    <message>
        <source>This answer could not be produced. The reason is shown after your verdict.</source>
        <translation>Diese Antwort konnte nicht erzeugt werden. Den Grund sehen Sie nach Ihrem Urteil.</translation>
    </message>
    <message>
        <source>“{clue}”</source>
        <translation>„{clue}“</translation>
    </message>
    <message>
        <source>This answer may give away which model wrote it ({clues}); it is flagged in the data.</source>
        <translation>Diese Antwort verrät vielleicht, welches Modell sie schrieb ({clues}); das ist in den Daten vermerkt.</translation>
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
    <name>StudyView</name>
    <message>
        <source>Study view</source>
        <translation>Studienansicht</translation>
    </message>
    <message>
        <source>Reading the sessions and working out the figures…</source>
        <translation>Die Sitzungen werden gelesen und die Zahlen berechnet…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the study view</source>
        <translation>Die Studienansicht schließen</translation>
    </message>
    <message>
        <source>Save as &amp;HTML…</source>
        <translation>Als &amp;HTML speichern…</translation>
    </message>
    <message>
        <source>Save as HTML</source>
        <translation>Als HTML speichern</translation>
    </message>
    <message>
        <source>Write the study&apos;s table as one web page</source>
        <translation>Die Tabelle der Studie als eine Webseite schreiben</translation>
    </message>
    <message>
        <source>The study could not be made</source>
        <translation>Die Studie konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>Lehrer</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions read together, one row per model (matched by their role in the lineup). The numbers in brackets are a {interval} interval: the range the figure would likely fall in with other questions of the same kind (shown from 5 questions on).</source>
        <translation>
            <numerusform>%n Sitzung zusammen gelesen, eine Zeile pro Modell (zugeordnet nach ihrer Rolle in der Aufstellung). Die Zahlen in Klammern sind ein {interval}-Intervall: der Bereich, in dem der Wert mit anderen Fragen derselben Art wahrscheinlich läge (gezeigt ab 5 Fragen).</numerusform>
            <numerusform>%n Sitzungen zusammen gelesen, eine Zeile pro Modell (zugeordnet nach ihrer Rolle in der Aufstellung). Die Zahlen in Klammern sind ein {interval}-Intervall: der Bereich, in dem der Wert mit anderen Fragen derselben Art wahrscheinlich läge (gezeigt ab 5 Fragen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Sessions used for each column:</source>
        <translation>Für jede Spalte verwendete Sitzungen:</translation>
    </message>
    <message>
        <source>preference against the {teacher}</source>
        <translation>Vorzug gegenüber dem {teacher}</translation>
    </message>
    <message>
        <source>the automatic check (needs reference answers)</source>
        <translation>die automatische Prüfung (braucht Referenzantworten)</translation>
    </message>
    <message>
        <source>errors marked by the evaluator</source>
        <translation>markierte Fehler</translation>
    </message>
    <message>
        <source>style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>The study&apos;s table</source>
        <translation>Die Tabelle der Studie</translation>
    </message>
    <message>
        <source>What each column means</source>
        <translation>Was jede Spalte bedeutet</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>„{title}“</translation>
    </message>
    <message>
        <source>none of them yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Save the study as a web page</source>
        <translation>Die Studie als Webseite speichern</translation>
    </message>
    <message>
        <source>study.html</source>
        <translation>studie.html</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved the study as {path}.</source>
        <translation>Die Studie wurde als {path} gespeichert.</translation>
    </message>
    <message>
        <source>The page could not be saved: {reason}</source>
        <translation>Die Seite konnte nicht gespeichert werden: {reason}</translation>
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
    <name>WindowExport</name>
    <message>
        <source>Export session</source>
        <translation>Sitzung exportieren</translation>
    </message>
    <message>
        <source>The export could not be written to {target}:
{reason}

Your session is safe; choose another place and try again.</source>
        <translation>Der Export konnte nicht nach {target} geschrieben werden:
{reason}

Ihre Sitzung ist sicher; wählen Sie einen anderen Ort und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Import a session</source>
        <translation>Eine Sitzung importieren</translation>
    </message>
    <message>
        <source>Imitation Lens session (*.json)</source>
        <translation>Imitation-Lens-Sitzung (*.json)</translation>
    </message>
    <message>
        <source>Imported “{title}” from {evaluator}: {items}, {marks}, {verdicts}{conflicts}. File ▸ Sessions opens it.</source>
        <translation>„{title}“ von {evaluator} importiert: {items}, {marks}, {verdicts}{conflicts}. Datei ▸ Sitzungen öffnet sie.</translation>
    </message>
    <message>
        <source>{file} could not be read</source>
        <translation>{file} konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing was imported. {message}</source>
        <translation>Nichts wurde importiert. {message}</translation>
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
    <name>WindowStartup</name>
    <message>
        <source>A batch was cut off when the app last closed. It is paused: open its session (File ▸ Sessions…) and press Resume in the batch bar to go on where it stopped.</source>
        <translation>Ein Stapel wurde beim letzten Schließen der App unterbrochen. Er ist pausiert: Öffnen Sie seine Sitzung (Datei ▸ Sitzungen…) und drücken Sie in der Stapelleiste auf Fortsetzen, um dort weiterzumachen, wo er stehen blieb.</translation>
    </message>
    <message>
        <source>Ready. F1 lists the keys.</source>
        <translation>Bereit. F1 zeigt die Tasten.</translation>
    </message>
    <message>
        <source>Your saved work in {folder} could not be read</source>
        <translation>Ihre gespeicherte Arbeit in {folder} konnte nicht gelesen werden</translation>
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
<context>
    <name>_ImportCounts</name>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n neuer Eintrag</numerusform>
            <numerusform>%n neue Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new mark(s)</source>
        <translation>
            <numerusform>%n neue Markierung</numerusform>
            <numerusform>%n neue Markierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new verdict(s)</source>
        <translation>
            <numerusform>%n neues Urteil</numerusform>
            <numerusform>%n neue Urteile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n conflict(s) kept as they were here</source>
        <translation>
            <numerusform>; %n Konflikt so belassen, wie er hier war</numerusform>
            <numerusform>; %n Konflikte so belassen, wie sie hier waren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ReportCounts</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_StartupCounts</name>
    <message numerus="yes">
        <source>%n answer(s) were cut off when the app last closed; their text so far is kept and marked Interrupted.</source>
        <translation>
            <numerusform>%n Antwort wurde beim letzten Schließen der App abgeschnitten; ihr bisheriger Text bleibt erhalten und ist als unterbrochen gekennzeichnet.</numerusform>
            <numerusform>%n Antworten wurden beim letzten Schließen der App abgeschnitten; ihr bisheriger Text bleibt erhalten und ist als unterbrochen gekennzeichnet.</numerusform>
        </translation>
    </message>
</context>
</TS>
