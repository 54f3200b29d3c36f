// The whole screen: every piece is placed at the rectangle computeLayout gave it, so the boxes
// Ink leaves empty are exactly where the painter draws the panes.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useDeckState, useHome, useKeyMap, useMinuteClock, useTerminalSize } from '../app/deck-context.js';
import { computeLayout, type Rect } from '../layout/deck-layout.js';
import { cardsOf, paneById, panesInTab, selectedPane, tabsOf } from '../state/selectors.js';
import { cardView } from '../view/card-view.js';
import { programName, tabRoot } from '../view/pane-place.js';
import { statsLine } from '../view/stats-line.js';
import { shortenPath } from '../view/format.js';
import { journalStatus } from '../view/journal-status.js';
import { mostUrgent } from '../view/status-label.js';
import { linkNotice } from '../view/link-text.js';
import { hostLabel, hostOf, hostOffline } from '../state/hosts.js';
import { statusHints } from '../view/status-hints.js';
import { toneColour } from '../view/theme.js';
import { DialogLayer } from './DialogLayer.js';
import { EmptyState } from './EmptyState.js';
import { PaneFrame } from './PaneFrame.js';
import { PaneTitle } from './PaneTitle.js';
import { Sidebar } from './Sidebar.js';
import { StatusBar } from './StatusBar.js';
import { TabBar } from './TabBar.js';
import { TooSmall } from './TooSmall.js';

function Place({ rect, children }: { rect: Rect; children: ReactNode }) {
  return (
    <Box position="absolute" marginLeft={rect.x - 1} marginTop={rect.y - 1} width={rect.cols} height={rect.rows}>
      {children}
    </Box>
  );
}

/** A vertical rule one column wide. */
function Rule({ rect }: { rect: Rect }) {
  return (
    <Place rect={rect}>
      <Text color="gray">{Array.from({ length: rect.rows }, () => '│').join('\n')}</Text>
    </Place>
  );
}

export function DeckScreen() {
  const state = useDeckState();
  const keyMap = useKeyMap();
  const home = useHome();
  const now = useMinuteClock();
  const { cols, rows } = useTerminalSize();
  const layout = computeLayout(cols, rows, state);
  if (layout.tooSmall) return <TooSmall cols={cols} rows={rows} />;

  const tabs = tabsOf(state.panes, state);
  const selected = selectedPane(state);
  const key = (action: Parameters<typeof keyMap.keysOf>[0]) => keyMap.keysOf(action)[0] ?? action;
  const tabPanes = panesInTab(state.panes, state.tab);
  const root = tabRoot(
    tabPanes.map((pane) => pane.cwd),
    state.tab,
  );
  const cardHost = (id: string) => ({ label: hostLabel(state, id), offline: hostOffline(hostOf(state, id)) });
  const cards = layout.cards.map((slot) => cardView(paneById(state, slot.paneId)!, slot.number, now, home, root, cardHost(slot.paneId)));
  const numberOf = new Map(cardsOf(state).map((pane, i) => [pane.id, i + 1]));
  const tabLabel = tabs.find((t) => t.tab === state.tab)?.label ?? 'Dashboard';
  const offline = linkNotice(state.link);

  return (
    <Box width={cols} height={layout.rows}>
      {layout.tabBar && (
        <Place rect={layout.tabBar}>
          <TabBar
            width={layout.tabBar.cols}
            tabs={layout.tabs.map((t) => {
              const urgent = mostUrgent(panesInTab(state.panes, t.tab));
              const colour = urgent && urgent.urgency >= 2 ? toneColour[urgent.tone] : null;
              return { label: t.label, active: t.tab === state.tab, colour, closable: t.close !== null, offline: hostOffline(hostOf(state, t.tab)) !== null };
            })}
          />
        </Place>
      )}
      <Place rect={layout.sidebar}>
        <Sidebar
          title={tabLabel}
          cards={cards}
          total={tabPanes.length}
          stats={statsLine(tabPanes)}
          density={layout.density}
          selectedId={selected?.id ?? null}
          filter={state.filter}
          filtering={state.dialog?.kind === 'filter'}
          width={layout.sidebar.cols}
          height={layout.sidebar.rows}
        />
      </Place>
      <Rule rect={{ x: layout.main.x - 1, y: layout.main.y, cols: 1, rows: layout.main.rows }} />
      {/* Under a dialog the empty state is hidden: its sentences would show as fragments around the box. */}
      {layout.panes.length === 0 && !layout.dialog && (
        <Place rect={layout.main}>
          <EmptyState
            newKey={key('new_pane')}
            modeKey={key('toggle_mode')}
            helpKey={key('help')}
            {...(state.configHintDir && state.tab === null ? { configGenKeys: `${key('toggle_mode')} ${key('generate_config')}` } : {})}
            width={layout.main.cols}
            height={layout.main.rows}
          />
        </Place>
      )}
      {layout.panes.map((slot) => {
        const isSelected = slot.paneId === selected?.id;
        return (
          slot.frame && (
            <Place key={`frame-${slot.paneId}`} rect={slot.frame}>
              <PaneFrame width={slot.frame.cols} height={slot.frame.rows} state={!isSelected ? 'idle' : state.mode === 'typing' ? 'typing' : 'command'} />
            </Place>
          )
        );
      })}
      {layout.panes.map((slot) => {
        const pane = paneById(state, slot.paneId)!;
        const isSelected = pane.id === selected?.id;
        return (
          <Place key={slot.paneId} rect={slot.title}>
            <PaneTitle
              number={numberOf.get(pane.id) ?? null}
              name={hostLabel(state, pane.id) ? `${hostLabel(state, pane.id)} · ${pane.name}` : pane.name}
              detail={`${programName(pane.command)} · ${shortenPath(pane.cwd, home)}`}
              state={!isSelected ? 'idle' : state.mode === 'typing' ? 'typing' : 'command'}
              scrolled={state.scroll[pane.id] ?? 0}
              typeKey={key('focus_selected')}
              offline={offline?.short ?? hostOffline(hostOf(state, pane.id))}
              width={slot.title.cols}
            />
          </Place>
        );
      })}
      {layout.panes
        .filter((slot) => slot.title.x > layout.main.x && !slot.frame)
        .map((slot) => (
          <Rule key={`rule-${slot.paneId}`} rect={{ x: slot.title.x - 1, y: slot.title.y, cols: 1, rows: slot.content.rows + 1 }} />
        ))}
      <Place rect={layout.status}>
        <StatusBar
          mode={state.mode}
          hints={statusHints(state, keyMap, tabs.length)}
          message={state.message}
          link={offline}
          warning={journalStatus(state)}
          width={layout.status.cols}
        />
      </Place>
      {layout.dialog && state.dialog && (
        <Place rect={layout.dialog}>
          <DialogLayer state={state} keyMap={keyMap} home={home} rect={layout.dialog} />
        </Place>
      )}
    </Box>
  );
}
