// Must not compile: boot without its plugin key.
import * as ChannelService from 'sangdam';

ChannelService.boot({});
