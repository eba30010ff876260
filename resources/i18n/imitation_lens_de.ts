<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
        <translation>leicht (gepunktet)</translation>
    </message>
    <message>
        <source>Major (wavy)</source>
        <translation>schwer (gewellt)</translation>
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
