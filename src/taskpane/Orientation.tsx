import { Text } from "@fluentui/react-components";
import { PANE } from "../core";
import { MUTED, STACK, WRAP } from "./layout";

/** The first screen: what 一键检查 will do (read, add result sheets), what it never does, and the undo caveat. */
export function Orientation() {
  const O = PANE.orientation;
  return (
    <section aria-labelledby="orientation-title" data-testid="orientation" style={{ ...STACK, gap: 4 }}>
      <Text as="h2" id="orientation-title" size={300} weight="semibold" block>
        {O.title}
      </Text>
      <ul style={{ paddingLeft: 18, margin: 0, ...WRAP }}>
        {O.will.map((line, i) => (
          <li key={i}>
            <Text size={200}>
              {line}
              {i === O.will.length - 1 ? O.sheets : ""}
            </Text>
          </li>
        ))}
      </ul>
      <Text size={200} block style={WRAP}>
        {O.never}
      </Text>
      <Text size={200} block style={{ ...MUTED, ...WRAP }} data-testid="undo-note">
        {O.undo}
      </Text>
    </section>
  );
}
